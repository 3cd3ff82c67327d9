import type { Command } from '../command.js';
import { UsageError } from '../command.js';

export const command: Command = {
  name: 'demo',
  summary: '(not built yet)',
  usage: 'khabar demo',
  async run() {
    throw new UsageError('khabar demo is not built yet');
  },
};
