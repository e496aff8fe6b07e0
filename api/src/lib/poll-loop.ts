/**
 * Runs `pass` over and over in the background: again at once when it says there is more to do,
 * otherwise after `idleMs`. A failed pass is logged and the loop goes on. `stop()` waits for the
 * pass in flight. (The membership maintainer and the webhook deliverer run this way.)
 */
export class PollLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly name: string,
    private readonly pass: () => Promise<{ more: boolean }>,
    private readonly idleMs: number,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.running = this.pass()
        .catch((error: unknown) => {
          console.error(`[${this.name}] pass failed:`, error);
          return { more: false };
        })
        .then(({ more }) => {
          if (!this.stopped) this.timer = setTimeout(loop, more ? 0 : this.idleMs);
        });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
