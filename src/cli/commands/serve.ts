import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { UsageError, dbPath } from '../command.js';
import { groupingProgress, openKhabar } from '../progress.js';

const usage = `Usage: khabar serve [--port 8080] [--host 127.0.0.1] [--db PATH|URL] [--body-limit BYTES]

Serves the HTTP API (/api/..., OpenAPI at /openapi.json) and the web page (/) from the store.
POST /api/articles needs "Authorization: Bearer $KHABAR_TOKEN"; without KHABAR_TOKEN ingest is refused.
Story reports, the grouping of what a \`khabar ingest\` beside it stores, and the entity index are made in
background threads: requests are answered meanwhile. Every story's report is kept in DB-reports beside the
database (a cache: a first visit reads it, after a restart too; deleting it loses nothing), and each article's
analysis in the database, so a report is rebuilt without analysing its articles again (the entity index reads its
names there too). Reports are built on one thread a core (KHABAR_REPORT_THREADS=N to choose), a first visit first.
Stop with Ctrl-C (or SIGTERM): it exits at once, whatever it is building.`;

/** How long requests in flight get to finish when the server is stopped, before it exits anyway. */
const CLOSE_MS = 1000;

export const command: Command = {
  name: 'serve',
  usage,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '8080' },
        host: { type: 'string', default: '127.0.0.1' },
        db: { type: 'string' },
        'body-limit': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535, got "${values.port}"`);
    // the server and the stages load here, not with the command: `khabar serve --help` loads none of them
    const [{ buildServer, DEFAULT_BODY_LIMIT, warmUpReports }, { KhabarLibrarySource }, { Background }, { ReportStore }, { storyGrouperFor }] = await Promise.all([
      import('../../api/index.js'), import('../../api/khabar-source.js'), import('../../api/background.js'), import('../../api/report-store.js'), import('../../report.js'),
    ]);
    const bodyLimit = values['body-limit'] === undefined ? DEFAULT_BODY_LIMIT : Number(values['body-limit']);
    if (!Number.isInteger(bodyLimit) || bodyLimit < 1024) throw new UsageError(`--body-limit must be an integer ≥ 1024, got "${values['body-limit']}"`);

    const khabar = await openKhabar(dbPath(values.db, io.env), io);
    // Articles stored since the last grouping (by `khabar ingest`) are grouped before the server listens.
    const progress = groupingProgress(io, dbPath(values.db, io.env));
    const grouper = storyGrouperFor(khabar, progress);
    progress.done();
    const background = Background.start(dbPath(values.db, io.env));
    const persisted = background ? ReportStore.open(dbPath(values.db, io.env)) : null;
    const source = new KhabarLibrarySource(khabar, { grouper, background, persisted });
    const app = await buildServer({ source, token: io.env.KHABAR_TOKEN || undefined, bodyLimit });
    // The story lists are read before listening; the top stories' reports are built in the background after.
    const warm = warmUpReports(source, {
      onDone: (built, failed, ms) => io.err(`khabar: warmed the reports of the ${built} top stories in ${(ms / 1000).toFixed(1)} s` +
        `${failed ? `; ${failed} failed to build and will say why when opened` : ''}`),
    });
    // Then every other story's report is built and persisted, so its first visit (after a restart too) reads it.
    let stopping = false;
    const persisting = warm.done.then(async () => {
      const started = performance.now();
      const built = await source.persistReports(() => stopping);
      if (!stopping) io.err(`khabar: built and stored the reports of ${built} more stories in ${((performance.now() - started) / 1000).toFixed(1)} s (beside the database, in ${dbPath(values.db, io.env)}-reports)`);
    }).catch(() => { /* stopped mid-build */ });
    // The entity index is caught up and listed in the background thread from the start (khabar-source.ts).
    const listed = performance.now();
    void source.entitiesListed().then(() => {
      if (!stopping) io.err(`khabar: listed the ${source.entities({ offset: 0, limit: 0 }).total} entities of the index in ${((performance.now() - listed) / 1000).toFixed(1)} s`);
    });
    const address = await app.listen({ port, host: values.host });
    io.err(`khabar: serving ${address} (${khabar.count()} articles)${io.env.KHABAR_TOKEN ? '' : '; ingest disabled: KHABAR_TOKEN is not set'}`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    // The background threads are stopped mid-build; an open connection may hold app.close() up, so it gets CLOSE_MS.
    warm.stop();
    stopping = true;
    await background?.stop();
    await persisting;
    persisted?.close();
    await Promise.race([app.close(), new Promise((resolve) => setTimeout(resolve, CLOSE_MS).unref())]);
    khabar.close();
    return 0;
  },
};
