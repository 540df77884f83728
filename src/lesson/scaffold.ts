// The file `safestep lesson new` writes: a valid lesson that shows every step
// type with comments, so a contributor learns the format by editing it.
export function scaffoldLesson(id: string, topic: string, today: string): string {
  return `# yaml-language-server: $schema=../../../schema/lesson.schema.json
# A safestep lesson. Format: docs/lesson-format.md. Check it with:
#   safestep lesson validate lessons/${topic}/${id}
# Read it as a reviewer would with:
#   safestep lesson preview lessons/${topic}/${id}/lesson.yaml
id: ${id}               # stable kebab-case id; equals the folder name; never rename once published
version: 1              # bump when the meaning changes: translations then show as outdated
lang: en                # the language of this file; translations go in lesson.ru.yaml beside it
title: Replace with a short, concrete title
summary: One or two sentences that say what the learner will be able to do.
topic: ${topic}
level: basic            # basic | intermediate | advanced
minutes: 10
reviewed: "${today}"    # the day you last checked every fact against the sources below
audience: Who this lesson is for.
requires: []            # ids of lessons to take first
draft: true             # learners do not see a draft; delete this line to publish, once lesson validate reports no errors
objectives:
  - What the learner can do after this lesson.
trainer_notes: |
  Timing, questions for discussion and common pitfalls, for trainers.
sources:                # every factual claim must be backed by one of these
  - id: main-source
    title: Replace with the title of the page you used
    url: https://example.org/replace-me
    accessed: "${today}"
steps:
  # text: light Markdown (paragraphs, ## headings, - bullets, 1. lists, **bold**, *italic*, \`code\`, [links](https://...)).
  - id: intro
    type: text
    title: Why this matters
    sources: [main-source]
    body: |
      Explain the risk in plain words, calmly, with one real example.

  # quiz: one right answer (multiple: false) or several (multiple: true); every choice explains itself.
  - id: quiz
    type: quiz
    prompt: Ask one clear question.
    multiple: false
    choices:
      - id: right
        label: The right answer
        correct: true
        explain: Why this is right.
      - id: wrong
        label: A common misunderstanding
        explain: Why this is wrong, without blaming anyone.

  # choice: a branching scenario; each option jumps to a step. End each branch with end: true or next:.
  - id: scenario
    type: choice
    prompt: What would you do?
    options:
      - id: careful
        label: The careful option
        goto: careful-ending
      - id: risky
        label: The risky option
        goto: risky-ending

  - id: risky-ending
    type: text
    body: What happens next, and how to recover.
    next: actions

  - id: careful-ending
    type: text
    body: Why this works.
    next: actions

  # checklist: concrete actions; the learner's ticks are remembered. Give menu paths with the date you checked them.
  - id: actions
    type: checklist
    title: Do it now
    items:
      - id: first-action
        text: "App > Settings > ... (checked ${today.slice(0, 7)}): what to switch on."

  # check: runs a registered local check by id (see checks/index.ts). YAML never contains code or commands.
  - id: local-check
    type: check
    check: telegram-desktop-session
    prompt: Let us look for Telegram Desktop sessions on this computer.
    options: {}
    end: true
`;
}
