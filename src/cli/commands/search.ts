import type { Command } from '../command.js';
import { UsageError } from '../command.js';

export const command: Command = {
  name: 'search',
  summary: '(not built yet)',
  usage: 'khabar search',
  async run() {
    throw new UsageError('khabar search is not built yet');
  },
};
