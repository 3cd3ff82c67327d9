import type { Command } from '../command.js';
import { UsageError } from '../command.js';

export const command: Command = {
  name: 'summarize',
  summary: '(not built yet)',
  usage: 'khabar summarize',
  async run() {
    throw new UsageError('khabar summarize is not built yet');
  },
};
