/**
 * When a live chart draws, free of the DOM so it can be tested: at most once per display frame
 * however many updates arrive (the updates are coalesced), and only while the chart is on screen
 * and its tab is shown; a chart that comes back into view draws what it missed, once.
 */
export interface FrameScheduler {
  /** Runs `callback` before the next paint (requestAnimationFrame); returns a cancel function. */
  (callback: () => void): () => void;
}

export class DrawGate {
  private dirty = false;
  private onScreen = true;
  private tabShown = true;
  private cancel: (() => void) | null = null;
  private readonly schedule: FrameScheduler;
  private draw: () => void;

  constructor(schedule: FrameScheduler, draw: () => void = () => {}) {
    this.schedule = schedule;
    this.draw = draw;
  }

  /** What a draw does from now on (the latest wins). */
  setDraw(draw: () => void): void {
    this.draw = draw;
  }

  /** Something changed: draw it at the next frame the chart can be seen. */
  request(): void {
    this.dirty = true;
    this.arm();
  }

  /** Whether the chart intersects the viewport. */
  setOnScreen(onScreen: boolean): void {
    this.onScreen = onScreen;
    this.arm();
  }

  /** Whether the page's tab is shown (document.visibilityState). */
  setTabShown(shown: boolean): void {
    this.tabShown = shown;
    this.arm();
  }

  /** Stops any pending draw. */
  dispose(): void {
    this.cancel?.();
    this.cancel = null;
    this.dirty = false;
  }

  private arm(): void {
    if (!this.dirty || !this.onScreen || !this.tabShown || this.cancel !== null) return;
    this.cancel = this.schedule(() => {
      this.cancel = null;
      if (!this.dirty || !this.onScreen || !this.tabShown) return;
      this.dirty = false;
      this.draw();
    });
  }
}
