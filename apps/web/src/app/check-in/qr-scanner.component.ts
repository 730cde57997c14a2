import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';

/** What the camera is doing, for the words under it. */
type CameraState = 'starting' | 'scanning' | 'denied' | 'unavailable';

/** How often a frame is read: often enough to feel instant, rarely enough for a phone. */
const FRAME_INTERVAL_MS = 150;
/** The same code seen again within this time is the same person still in front of the camera. */
const REPEAT_MS = 3000;

/**
 * The device's camera, reading QR codes from its frames with jsQR: Chromium on Linux (and other
 * browsers) has no BarcodeDetector, so decoding is done here, in JavaScript, from a canvas.
 * jsQR is loaded only when scanning starts. Emits the text of each code it reads (the same one
 * at most once every few seconds); the camera stops when the component goes.
 */
@Component({
  selector: 'cv-qr-scanner',
  imports: [MatIconModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="qr-scanner">
      <video
        #video
        class="qr-scanner__video"
        [class.qr-scanner__video--off]="state() !== 'scanning'"
        muted
        playsinline
        [attr.aria-label]="'checkIn.scan.camera' | transloco"
      ></video>
      <p class="qr-scanner__status" role="status">
        @switch (state()) {
          @case ('starting') {
            {{ 'checkIn.scan.starting' | transloco }}
          }
          @case ('scanning') {
            <mat-icon aria-hidden="true" svgIcon="qr_code_scanner" />
            {{ 'checkIn.scan.waiting' | transloco }}
          }
          @case ('denied') {
            <mat-icon aria-hidden="true" svgIcon="videocam_off" />
            {{ 'checkIn.scan.denied' | transloco }}
          }
          @case ('unavailable') {
            <mat-icon aria-hidden="true" svgIcon="videocam_off" />
            {{ 'checkIn.scan.unavailable' | transloco }}
          }
        }
      </p>
    </div>
  `,
  styles: `
    .qr-scanner {
      display: grid;
      gap: 8px;
    }

    .qr-scanner__video {
      width: 100%;
      max-height: 50vh;
      aspect-ratio: 4 / 3;
      object-fit: cover;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-highest);
    }

    .qr-scanner__video--off {
      display: none;
    }

    .qr-scanner__status {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class QrScanner {
  /** The text of a QR code read from the camera. */
  readonly scanned = output<string>();

  protected readonly state = signal<CameraState>('starting');

  private readonly video = viewChild.required<ElementRef<HTMLVideoElement>>('video');
  private stream: MediaStream | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private last: { text: string; at: number } | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
    void this.start();
  }

  private async start(): Promise<void> {
    if (!navigator.mediaDevices?.getUserMedia) {
      this.state.set('unavailable');
      return;
    }
    try {
      const [stream, decoder] = await Promise.all([
        navigator.mediaDevices.getUserMedia({
          video: { facingMode: { ideal: 'environment' } },
          audio: false,
        }),
        import('jsqr').then((module) => module.default),
      ]);
      if (this.stopped) {
        for (const track of stream.getTracks()) track.stop();
        return;
      }
      this.stream = stream;
      const video = this.video().nativeElement;
      video.srcObject = stream;
      await video.play();
      this.state.set('scanning');
      const canvas = document.createElement('canvas');
      const context = canvas.getContext('2d', { willReadFrequently: true });
      const read = () => {
        if (this.stopped || !context) return;
        if (video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth > 0) {
          canvas.width = video.videoWidth;
          canvas.height = video.videoHeight;
          context.drawImage(video, 0, 0, canvas.width, canvas.height);
          const frame = context.getImageData(0, 0, canvas.width, canvas.height);
          const found = decoder(frame.data, frame.width, frame.height, {
            inversionAttempts: 'dontInvert',
          });
          if (found?.data) this.found(found.data);
        }
        this.timer = setTimeout(read, FRAME_INTERVAL_MS);
      };
      read();
    } catch (error) {
      const name = (error as { name?: string } | null)?.name;
      this.state.set(
        name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'unavailable',
      );
    }
  }

  private found(text: string): void {
    const now = Date.now();
    if (this.last && this.last.text === text && now - this.last.at < REPEAT_MS) return;
    this.last = { text, at: now };
    this.scanned.emit(text);
  }

  private stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
  }
}
