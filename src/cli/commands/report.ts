import type { Command } from '../command.js';
import { UsageError } from '../command.js';

export const command: Command = {
  name: 'report',
  summary: '(not built yet)',
  usage: 'khabar report',
  async run() {
    throw new UsageError('khabar report is not built yet');
  },
};
