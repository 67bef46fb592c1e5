import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Meeting } from '../../contract/meeting.js';
import type * as IcsPart from './ics-download.js';
import type { LazyPart } from '../base/lazy-part.js';

/** What the `.ics` file of the meeting shown is made from: the meeting, what else its words depend on, and those words. */
export interface IcsSource {
  meeting: Meeting;
  key: unknown[];
  options: Parameters<IcsPart.IcsDownload['prepare']>[2];
}

export interface IcsLinkOptions {
  /** The booked meeting on screen, or undefined when none is. */
  source: () => IcsSource | undefined;
  /** What the polite region says while the maker arrives ('' after). */
  say: (status: string) => void;
  preparing: () => string;
  /** The maker did not arrive: the element offers Try again. */
  failed: () => void;
  /** The file is made and its download starts: the element clears a failure and puts focus on the link. */
  made: () => void;
}

/**
 * The booked meeting's `.ics` link. Its maker loads on first use (a press, or hover and focus just
 * before one); from then on the file is kept current and the link itself carries it.
 */
export class IcsLink implements ReactiveController {
  private download?: IcsPart.IcsDownload;
  private making = false;

  constructor(
    host: ReactiveControllerHost,
    readonly part: LazyPart<typeof IcsPart>,
    private readonly options: IcsLinkOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.download?.release();
  }

  /** The file once made: its object URL and name. */
  get file(): { url: string; name: string } | undefined {
    return this.download?.current;
  }

  /** Makes the file again when the meeting or its words changed, once the maker is in. */
  refresh(): void {
    const module = this.part.module;
    const source = module && this.options.source();
    if (!module || !source) return;
    (this.download ??= new module.IcsDownload()).prepare(source.meeting, source.key, source.options);
  }

  /** The person is about to press the link. */
  preload(): void {
    void this.part.load();
  }

  /** The link pressed before its file is made: load the maker, make the file, start its download. */
  async make(): Promise<void> {
    if (this.making) return;
    this.making = true;
    this.options.say(this.options.preparing());
    const module = await this.part.load();
    this.options.say('');
    this.making = false;
    if (!module) return this.options.failed();
    this.refresh();
    const file = this.file;
    if (!file) return;
    this.options.made();
    // The link carries the file from now on; this first time a link of our own starts the download.
    const link = document.createElement('a');
    link.href = file.url;
    link.download = file.name;
    link.click();
  }
}
