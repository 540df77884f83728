// Presenter mode for a projector: one slide at a time on the terminal's
// alternate screen (the trainer's shell comes back untouched afterwards), a
// timer for the current agenda item, trainer notes and quiz answers only when
// the trainer asks, and the position saved so an interruption loses nothing.
// A slide taller than the window is split into pages; everything is wrapped
// at the window's width and drawn again when the window is resized.
import { emitKeypressEvents } from 'node:readline';
import type { IO } from '../io.js';
import type { Lang, Translate } from '../i18n/index.js';
import { stepModule } from '../lesson/steps/index.js';
import { renderMarkdown, type Style } from '../text/markdown.js';
import { wrap } from '../text/width.js';
import { stripUnsafe } from '../sanitize.js';
import type { PresenterState, Slide } from './slides.js';

export interface PresenterOptions {
  io: IO;
  t: Translate;
  lang: Lang;
  style: Style;
  slides: readonly Slide[];
  /** Planned minutes per agenda item. */
  planned: readonly number[];
  state: PresenterState;
  save(state: PresenterState): Promise<void>;
  now?: () => number;
  /** Help-directory entries for lesson steps that name contacts; none when not given. */
  contact?: (id: string) => { name: string; reach: string } | undefined;
}

interface Key {
  name?: string;
  ctrl?: boolean;
  sequence?: string;
}

const ENTER_SCREEN = '\u001b[?1049h\u001b[?25l';
const LEAVE_SCREEN = '\u001b[?25h\u001b[?1049l';
const HOME = '\u001b[H';
const CLEAR_LINE = '\u001b[K';
const CLEAR_BELOW = '\u001b[J';
/** Columns kept free on the left of every line: projectors often crop the edge. */
const MARGIN = '  ';
/** A projector is read from across a room; very long lines are hard to follow. */
const MAX_WIDTH = 100;

function mmss(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export interface SlideView {
  show: { notes: boolean; answers: boolean };
  t: Translate;
  lang: Lang;
  style: Style;
  /** Columns for text. */
  width: number;
  /** The minutes the plan gives this slide's agenda item. */
  minutes: number;
  contact(id: string): { name: string; reach: string } | undefined;
}

/** A slide's text: a header shown on every page, and a body split into pages when it is long. */
export function slideLines(slide: Slide, view: SlideView): { header: string[]; body: string[] } {
  const { show, t, lang, style, width } = view;
  const md = (text: string): string[] => renderMarkdown(text, width, style).split('\n');
  const heading = (text: string): string[] => wrap(stripUnsafe(text), width).map((l) => style.heading(l));
  const minutes = t('lessons.minutes', { count: view.minutes });
  if (slide.kind === 'break') {
    return { header: [], body: [...heading(`${t('workshop.break')}${slide.title ? `: ${slide.title}` : ''}`), '', minutes] };
  }
  if (slide.kind === 'activity') {
    // An activity's notes are for the trainer: shown with n, like a lesson's.
    const notes = show.notes && slide.notes ? ['', style.bold(t('preview.trainerNotes')), ...md(slide.notes)] : [];
    return { header: [], body: [...heading(slide.title), '', minutes, ...notes] };
  }
  const { lesson } = slide;
  const planNotes = slide.kind === 'lesson-title' && slide.notes ? [...md(slide.notes), ''] : [];
  const notes = show.notes ? ['', style.bold(t('preview.trainerNotes')), ...planNotes, ...md(lesson.trainer_notes)] : [];
  if (slide.kind === 'lesson-title') {
    return { header: [], body: [...heading(lesson.title), '', minutes, '', style.bold(t('runner.objectives')), ...md(lesson.objectives.map((o) => `- ${o}`).join('\n')), ...notes] };
  }
  const { step, index } = slide;
  const header = [...wrap(`${stripUnsafe(lesson.title)} · ${t('runner.step', { n: index + 1 })}/${lesson.steps.length}`, width).map((l) => style.dim(l)), ''];
  const body = [...(step.title ? [...heading(step.title), ''] : []), ...stepModule(step).slide(step, { t, lang, style, width, answers: show.answers, md, contact: view.contact }), ...notes];
  return { header, body };
}

/**
 * Splits `lines` into pages of at most `height` lines, ending a page at a
 * blank line (a paragraph break) when one falls in its second half.
 */
export function paginate(lines: readonly string[], height: number): string[][] {
  const pages: string[][] = [];
  let rest = [...lines];
  while (rest.length > 0 && rest[0] === '') rest.shift();
  const room = Math.max(1, height);
  while (rest.length > room) {
    let cut = room;
    for (let i = room; i >= Math.ceil(room / 2); i--) {
      if (rest[i] === '') {
        cut = i;
        break;
      }
    }
    pages.push(rest.slice(0, cut));
    rest = rest.slice(cut);
    while (rest.length > 0 && rest[0] === '') rest.shift();
  }
  if (rest.length > 0 || pages.length === 0) pages.push(rest);
  return pages;
}

export async function present(opts: PresenterOptions): Promise<'finished' | 'quit'> {
  const { io, t, lang, style, slides, planned } = opts;
  const now = opts.now ?? (() => Date.now());
  const state: PresenterState = { slide: Math.min(Math.max(0, opts.state.slide), slides.length - 1), spent: { ...opts.state.spent } };
  const show = { notes: false, answers: false };
  let page = 0;
  let pageCount = 1;
  let enteredAt = now();

  const currentItem = (): number => slides[state.slide]?.item ?? 0;
  const spentNow = (): number => (state.spent[currentItem()] ?? 0) + (now() - enteredAt) / 1000;
  const bank = (): void => {
    state.spent[currentItem()] = spentNow();
    enteredAt = now();
  };
  const size = (): { width: number; rows: number } => ({
    width: Math.max(20, Math.min(io.stdout.columns || io.width, MAX_WIDTH)),
    rows: Math.max(8, (io.stdout as { rows?: number }).rows || 24),
  });

  const draw = (): void => {
    const slide = slides[state.slide]!;
    const { width, rows } = size();
    const text = width - MARGIN.length * 2;
    const { header, body } = slideLines(slide, { show, t, lang, style, width: text, minutes: planned[slide.item] ?? 0, contact: opts.contact ?? (() => undefined) });
    const keys = wrap(t('presenter.keys'), text).map((l) => style.dim(l));
    const status = (pages: number): string[] => {
      const where = [t('presenter.timer', { spent: mmss(spentNow()), planned: mmss((planned[slide.item] ?? 0) * 60) }), `${state.slide + 1}/${slides.length}`];
      if (pages > 1) where.push(t('presenter.page', { n: page + 1, total: pages }));
      return wrap(where.join('   '), text).map((l) => style.dim(l));
    };
    // Room for the body: the window less a blank top line, the header and the footer (a blank line, status, keys).
    const footerHeight = 1 + status(99).length + keys.length;
    const pages = paginate(body, rows - 1 - header.length - footerHeight);
    pageCount = pages.length;
    page = Math.min(page, pageCount - 1);
    const content = [...header, ...pages[page]!];
    while (content.length < rows - 1 - footerHeight) content.push('');
    const lines = ['', ...content, '', ...status(pageCount), ...keys].slice(0, rows);
    io.stdout.write(HOME + lines.map((l) => (l ? MARGIN + l : '') + CLEAR_LINE).join('\n') + CLEAR_BELOW);
  };

  emitKeypressEvents(io.stdin);
  const wasRaw = io.stdin.isTTY && typeof io.stdin.setRawMode === 'function';
  if (wasRaw) io.stdin.setRawMode!(true);
  io.stdin.resume();
  io.stdout.write(ENTER_SCREEN);

  return new Promise((resolve, reject) => {
    // A drawing error must not leave the trainer's terminal on the alternate screen in raw mode.
    const redraw = (): void => {
      try {
        draw();
      } catch (err) {
        void finish('quit').then(() => reject(err), reject);
      }
    };
    const tick = setInterval(redraw, 1000);
    const onResize = (): void => redraw();
    const finish = async (how: 'finished' | 'quit'): Promise<void> => {
      clearInterval(tick);
      io.stdin.removeListener('keypress', onKey);
      io.stdout.removeListener('resize', onResize);
      if (wasRaw) io.stdin.setRawMode!(false);
      io.stdin.pause();
      io.stdout.write(LEAVE_SCREEN);
      bank();
      await opts.save(state);
      resolve(how);
    };
    const move = (to: number, toPage: 'first' | 'last' = 'first'): void => {
      if (to < 0) return;
      if (to >= slides.length) {
        void finish('finished');
        return;
      }
      bank();
      state.slide = to;
      show.answers = false;
      page = toPage === 'first' ? 0 : Number.MAX_SAFE_INTEGER;
      void opts.save(state);
      redraw();
    };
    const turn = (by: 1 | -1): void => {
      const next = page + by;
      if (next >= pageCount) move(state.slide + 1);
      else if (next < 0) move(state.slide - 1, 'last');
      else {
        page = next;
        redraw();
      }
    };
    const onKey = (_s: string | undefined, key: Key | undefined): void => {
      const name = key?.name ?? _s;
      if ((key?.ctrl && name === 'c') || name === 'q' || name === 'escape') void finish('quit');
      else if (name === 'space' || name === 'pagedown' || name === 'down') turn(1);
      else if (name === 'pageup' || name === 'up') turn(-1);
      else if (name === 'right' || name === 'return') move(state.slide + 1);
      else if (name === 'left' || name === 'backspace') move(state.slide - 1);
      else if (name === 'n') {
        show.notes = !show.notes;
        redraw();
      } else if (name === 'a') {
        show.answers = !show.answers;
        redraw();
      }
    };
    io.stdin.on('keypress', onKey);
    io.stdout.on('resize', onResize);
    redraw();
  });
}
