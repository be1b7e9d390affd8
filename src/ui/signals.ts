// Signals that end the process while a session is open (SIGINT from outside a prompt, SIGTERM at
// shutdown, SIGHUP when the terminal window is closed). Inside a prompt, Ctrl+C does not raise
// SIGINT (the terminal is raw) and arrives as Inquirer's ExitPromptError instead.
//
// With a listener of ours installed, Inquirer's signal-exit leaves the signal to us (it only acts
// when it is the sole listener), so the session is paused before the process goes.
const SIGNALS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

export function onStopSignals(handler: (code: number) => void): () => void {
  const listeners: [NodeJS.Signals, () => void][] = [];
  for (const [sig, code] of Object.entries(SIGNALS) as [NodeJS.Signals, number][]) {
    const fn = () => {
      try {
        handler(code);
      } finally {
        if (process.stdin.isTTY) process.stdin.setRawMode(false);
        if (process.stdout.isTTY) process.stdout.write('\x1b[?25h'); // Inquirer hides the cursor in lists
        process.exit(code);
      }
    };
    try {
      process.on(sig, fn);
      listeners.push([sig, fn]);
    } catch {
      // a signal this platform cannot listen for; the walk goes on without it
    }
  }
  return () => {
    for (const [sig, fn] of listeners) process.removeListener(sig, fn);
  };
}
