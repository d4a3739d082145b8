/**
 * The V8 flags of the server's process: `npm start` (package.json names the same flags, and
 * test/architecture/server-flags.test.ts checks that they agree), `npm run dev`, and the servers
 * that tests and benchmarks start.
 *
 * `--max-semi-space-size=64`: a young generation of up to twice 64 MB instead of twice 16 MB.
 * Marking allocates about 30 kB per mark (socket frames, the validated payload, the event's
 * canonical text and copies), so at 4,000 marks/s the default meant ten young collections a
 * second; with 64 MB there are two or three, their total time is a third lower, and fewer
 * short-lived objects survive into the old generation, whose collections were what held
 * acknowledgements back (docs/benchmarks.md, "A larger young generation"). The memory is taken
 * only under such load: the young generation starts small and grows as it is used.
 */
export const serverNodeFlags: readonly string[] = ['--max-semi-space-size=64'];
