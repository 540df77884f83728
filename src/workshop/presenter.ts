// Presenter mode for a projector: one slide at a time on a cleared screen, a
// timer for the current agenda item, trainer notes and quiz answers only when
// the trainer asks, and the position saved so an interruption loses nothing.
import { emitKeypressEvents } from 'node:readline';
import type { IO } from '../io.js';
import type { Lang, Translate } from '../i18n/index.js';
import { stepModule } from '../lesson/steps/index.js';
import { renderMarkdown, type Style } from '../text/markdown.js';
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
}

interface Key {
  name?: string;
  ctrl?: boolean;
  sequence?: string;
}

function mmss(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function slideLines(slide: Slide, show: { notes: boolean; answers: boolean }, t: Translate, lang: Lang, style: Style, width: number): string[] {
  const md = (text: string): string[] => renderMarkdown(text, width, style).split('\n');
  const out: string[] = [];
  if (slide.kind === 'break') {
    out.push(style.heading(`${t('workshop.break')}${slide.title ? `: ${stripUnsafe(slide.title)}` : ''}`), '', t('lessons.minutes', { count: slide.minutes }));
    return out;
  }
  const { lesson } = slide;
  if (slide.kind === 'lesson-title') {
    out.push(style.heading(stripUnsafe(lesson.title)), '', t('lessons.minutes', { count: lesson.minutes }), '', style.bold(t('runner.objectives')));
    out.push(...md(lesson.objectives.map((o) => `- ${o}`).join('\n')));
    if (show.notes) out.push('', style.bold(t('preview.trainerNotes')), ...md(lesson.trainer_notes));
    return out;
  }
  const { step, index } = slide;
  out.push(style.dim(`${stripUnsafe(lesson.title)} · ${t('runner.step', { n: index + 1 })}/${lesson.steps.length}`), '');
  if (step.title) out.push(style.heading(stripUnsafe(step.title)), '');
  out.push(...stepModule(step).slide(step, { t, lang, style, width, answers: show.answers, md }));
  if (show.notes) out.push('', style.bold(t('preview.trainerNotes')), ...md(lesson.trainer_notes));
  return out;
}

export async function present(opts: PresenterOptions): Promise<'finished' | 'quit'> {
  const { io, t, style, slides, planned } = opts;
  const now = opts.now ?? (() => Date.now());
  const state: PresenterState = { slide: Math.min(Math.max(0, opts.state.slide), slides.length - 1), spent: { ...opts.state.spent } };
  const show = { notes: false, answers: false };
  let enteredAt = now();

  const currentItem = (): number => slides[state.slide]?.item ?? 0;
  const spentNow = (): number => (state.spent[currentItem()] ?? 0) + (now() - enteredAt) / 1000;
  const bank = (): void => {
    state.spent[currentItem()] = spentNow();
    enteredAt = now();
  };

  const draw = (): void => {
    const slide = slides[state.slide]!;
    const width = Math.min(io.width, 100);
    const timer = `${t('presenter.timer', { spent: mmss(spentNow()), planned: mmss((planned[slide.item] ?? 0) * 60) })}   ${state.slide + 1}/${slides.length}`;
    const lines = ['', ...slideLines(slide, show, t, opts.lang, style, width - 4).map((l) => '  ' + l), '', style.dim(`  ${timer}`), style.dim(`  ${t('presenter.keys')}`)];
    io.stdout.write('\u001b[2J\u001b[H' + lines.join('\n') + '\n');
  };

  emitKeypressEvents(io.stdin);
  const wasRaw = io.stdin.isTTY && typeof io.stdin.setRawMode === 'function';
  if (wasRaw) io.stdin.setRawMode!(true);
  io.stdin.resume();

  return new Promise((resolve) => {
    const tick = setInterval(draw, 1000);
    const finish = async (how: 'finished' | 'quit'): Promise<void> => {
      clearInterval(tick);
      io.stdin.removeListener('keypress', onKey);
      if (wasRaw) io.stdin.setRawMode!(false);
      io.stdin.pause();
      bank();
      await opts.save(state);
      resolve(how);
    };
    const move = (to: number): void => {
      if (to < 0) return;
      if (to >= slides.length) {
        void finish('finished');
        return;
      }
      bank();
      state.slide = to;
      show.answers = false;
      void opts.save(state);
      draw();
    };
    const onKey = (_s: string | undefined, key: Key | undefined): void => {
      const name = key?.name ?? _s;
      if ((key?.ctrl && name === 'c') || name === 'q' || name === 'escape') void finish('quit');
      else if (name === 'right' || name === 'space' || name === 'return' || name === 'pagedown') move(state.slide + 1);
      else if (name === 'left' || name === 'backspace' || name === 'pageup') move(state.slide - 1);
      else if (name === 'n') {
        show.notes = !show.notes;
        draw();
      } else if (name === 'a') {
        show.answers = !show.answers;
        draw();
      }
    };
    io.stdin.on('keypress', onKey);
    draw();
  });
}
