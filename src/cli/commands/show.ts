import type { Command } from '../command.js';
import { UsageError } from '../command.js';

export const command: Command = {
  name: 'show',
  summary: '(not built yet)',
  usage: 'khabar show',
  async run() {
    throw new UsageError('khabar show is not built yet');
  },
};
