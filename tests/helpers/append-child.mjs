// Child for the crash test: appends events to a session and reports each one only after
// appendEvent has returned, so every "ack N" on stdout is a promise that event N is durable.
// Uses the built store (npm test builds first) because the test must exercise the real code path.
import fs from 'node:fs';
import { appendEvent } from '../../dist/session/store.js';

const [dir, id, countArg] = process.argv.slice(2);
const count = Number(countArg);
// Multi-byte text and a few KB per line, so a kill can land inside a line and inside a character.
const pad = 'åäö Ölandsbro '.repeat(300);

for (let i = 0; i < count; i++) {
  const r = appendEvent(dir, id, { t: 'answered', i, pad });
  if (!r.ok) {
    fs.writeSync(2, `append failed: ${r.error.kind}\n`);
    process.exit(1);
  }
  // writeSync, so the ack leaves the process now rather than from a stream buffer.
  fs.writeSync(1, `ack ${i}\n`);
}
fs.writeSync(1, 'done\n');
