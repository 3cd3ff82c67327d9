import type { Command } from '../command.js';
import { UsageError } from '../command.js';

export const command: Command = {
  name: 'analyze',
  summary: '(not built yet)',
  usage: 'khabar analyze',
  async run() {
    throw new UsageError('khabar analyze is not built yet');
  },
};
