import type { Command } from '../command.js';
import { UsageError } from '../command.js';

export const command: Command = {
  name: 'serve',
  summary: '(not built yet)',
  usage: 'khabar serve',
  async run() {
    throw new UsageError('khabar serve is not built yet');
  },
};
