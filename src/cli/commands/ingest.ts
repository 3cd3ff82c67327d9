import type { Command } from '../command.js';
import { UsageError } from '../command.js';

export const command: Command = {
  name: 'ingest',
  summary: '(not built yet)',
  usage: 'khabar ingest',
  async run() {
    throw new UsageError('khabar ingest is not built yet');
  },
};
