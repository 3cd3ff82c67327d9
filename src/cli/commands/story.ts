import type { Command } from '../command.js';
import { UsageError } from '../command.js';

export const command: Command = {
  name: 'story',
  summary: '(not built yet)',
  usage: 'khabar story',
  async run() {
    throw new UsageError('khabar story is not built yet');
  },
};
