import type { Command } from '../command.js';
import { UsageError } from '../command.js';

export const command: Command = {
  name: 'stories',
  summary: '(not built yet)',
  usage: 'khabar stories',
  async run() {
    throw new UsageError('khabar stories is not built yet');
  },
};
