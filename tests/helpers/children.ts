// Every process a test starts (a pty, a child) is registered here, and the setup file ends each
// one after its test, waiting until it is gone: no test leaves a process behind for the next one
// to trip over, whether it passed or failed half-way.
export interface Tracked {
  kill(): void;
  exited: Promise<unknown>;
}

const live = new Set<Tracked>();

export function track(child: Tracked): void {
  live.add(child);
  void child.exited.finally(() => live.delete(child));
}

/** Ends every tracked process still running and resolves once all have exited. */
export async function endAll(): Promise<void> {
  const running = [...live];
  for (const c of running) c.kill();
  await Promise.all(running.map((c) => c.exited.catch(() => undefined)));
}

/** Registers a node child process: SIGKILL after the test, and waits for its exit. */
export function trackChild(c: import('node:child_process').ChildProcess): void {
  const exited = c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => c.once('exit', () => resolve()));
  track({ kill: () => void c.kill('SIGKILL'), exited });
}
