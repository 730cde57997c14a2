/**
 * The loop of a background worker (the text extraction, the retention runs): `drainOnce` over
 * and over while there is work, a pause of `pollMs` when a pass found none (or failed), and a
 * stop that wakes the pause and waits for the pass under way to end.
 */
export class PollingLoop {
  private running = false;
  private loop: Promise<void> | null = null;
  private endPause: (() => void) | null = null;

  constructor(
    private readonly drainOnce: () => Promise<number>,
    private readonly options: { pollMs: number; name: string; log?: (message: string) => void },
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.endPause?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.drainOnce();
      } catch (error) {
        this.options.log?.(
          `${this.options.name}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (handled === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.pollMs);
          this.endPause = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }
}
