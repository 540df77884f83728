// How a command declares its command-line surface. Each command has a light
// `<name>.cli.ts` (arguments, options, bilingual help, examples, and a lazy
// import of its body `<name>.ts`), so `safestep --help` never loads a body.
// The body's parameter types are checked against the spec here: an option
// the spec does not declare, or declares with another type, fails the
// type-check.
import type { AppContext } from '../context.js';
import type { BilingualText } from '../i18n/messages.js';

// ---- options -------------------------------------------------------------

interface OptionBase {
  /** Commander flags, e.g. `--fail-on <severity>`, `--json`, `--scan <folder...>`, `--no-files`. */
  readonly flags: string;
  readonly help: BilingualText;
}

export interface FlagOption extends OptionBase {
  readonly kind: 'flag';
}
/** `--no-files`: true unless the person says no. */
export interface NegatedOption extends OptionBase {
  readonly kind: 'negated';
}
export interface ValueOption<Required extends boolean> extends OptionBase {
  readonly kind: 'value';
  readonly required: Required;
}
export interface ListOption extends OptionBase {
  readonly kind: 'list';
}
export interface ChoiceOption<C extends string, D extends C | undefined> extends OptionBase {
  readonly kind: 'choice';
  readonly choices: readonly C[];
  readonly default: D;
}

export type OptionSpec = FlagOption | NegatedOption | ValueOption<boolean> | ListOption | ChoiceOption<string, string | undefined>;

export const flag = (flags: string, help: BilingualText): FlagOption => ({ kind: 'flag', flags, help });
export const negated = (flags: string, help: BilingualText): NegatedOption => ({ kind: 'negated', flags, help });
export const value = (flags: string, help: BilingualText): ValueOption<false> => ({ kind: 'value', flags, help, required: false });
export const required = (flags: string, help: BilingualText): ValueOption<true> => ({ kind: 'value', flags, help, required: true });
export const list = (flags: string, help: BilingualText): ListOption => ({ kind: 'list', flags, help });
export function choice<const C extends string, const D extends C | undefined = undefined>(
  flags: string,
  choices: readonly C[],
  help: BilingualText,
  defaultValue?: D,
): ChoiceOption<C, D> {
  return { kind: 'choice', flags, choices, help, default: defaultValue as D };
}

type ValueOf<O> = O extends FlagOption
  ? boolean | undefined
  : O extends NegatedOption
    ? boolean
    : O extends ValueOption<infer R>
      ? R extends true
        ? string
        : string | undefined
      : O extends ListOption
        ? string[] | undefined
        : O extends ChoiceOption<infer C, infer D>
          ? D extends C
            ? C
            : C | undefined
          : never;

type Always<O> = { [K in keyof O]: undefined extends ValueOf<O[K]> ? never : K }[keyof O];
type Maybe<O> = Exclude<keyof O, Always<O>>;
type Flatten<T> = { [K in keyof T]: T[K] };

/** The options a body receives: values that always exist are required, the rest optional. */
export type OptionsOf<S extends { options: Readonly<Record<string, OptionSpec>> }> = Flatten<
  { -readonly [K in Always<S['options']>]: ValueOf<S['options'][K]> } & { -readonly [K in Maybe<S['options']>]?: ValueOf<S['options'][K]> }
>;

// ---- arguments ------------------------------------------------------------

export interface ArgSpec<Kind extends ArgKind = ArgKind> {
  /** Commander syntax: `<id>`, `[id]`, `<paths...>`, `[paths...]`. */
  readonly syntax: string;
  readonly kind: Kind;
  readonly help: BilingualText;
}
type ArgKind = 'required' | 'optional' | 'list';

export function arg(syntax: `<${string}>` | `[${string}]`, help: BilingualText): ArgSpec {
  const kind: ArgKind = syntax.endsWith('...>') || syntax.endsWith('...]') ? 'list' : syntax.startsWith('<') ? 'required' : 'optional';
  return { syntax, kind, help };
}
export const requiredArg = (syntax: `<${string}>`, help: BilingualText): ArgSpec<'required'> => ({ syntax, kind: 'required', help });
export const optionalArg = (syntax: `[${string}]`, help: BilingualText): ArgSpec<'optional'> => ({ syntax, kind: 'optional', help });
export const listArg = (syntax: `<${string}...>` | `[${string}...]`, help: BilingualText): ArgSpec<'list'> => ({ syntax, kind: 'list', help });

type ArgValue<A> = A extends ArgSpec<'required'> ? string : A extends ArgSpec<'optional'> ? string | undefined : A extends ArgSpec<'list'> ? string[] : never;
export type ArgsOf<A extends readonly ArgSpec[]> = { -readonly [I in keyof A]: ArgValue<A[I]> };

// ---- commands -------------------------------------------------------------

export interface Example {
  readonly command: string;
  readonly help: BilingualText;
}

export interface CommandSpec<
  Args extends readonly ArgSpec[] = readonly ArgSpec[],
  Opts extends Readonly<Record<string, OptionSpec>> = Readonly<Record<string, OptionSpec>>,
> {
  /** Words after `safestep`: `lessons`, `progress reset`. */
  readonly name: string;
  readonly summary: BilingualText;
  readonly args: Args;
  readonly options: Opts;
  readonly examples?: readonly Example[];
  /** More to say after the options: paragraphs separated by newlines, list items starting with "- ". */
  readonly more?: BilingualText;
  /** Accepts `--lang en+ru` (both languages side by side); the body reads them from `ctx.langs`. */
  readonly bothLangs?: boolean;
}

/** Keeps the literal types of a spec, so a body typed with `RunOf` matches it exactly. */
export function defineCommand<const Args extends readonly ArgSpec[], const Opts extends Readonly<Record<string, OptionSpec>>>(
  spec: CommandSpec<Args, Opts>,
): CommandSpec<Args, Opts> {
  return spec;
}

/** A group such as `pack` or `journal`: help only, its subcommands do the work. */
export function defineGroup(name: string, summary: BilingualText): CommandSpec<[], Record<string, never>> {
  return { name, summary, args: [], options: {} };
}

type SpecArgs<S> = S extends CommandSpec<infer A, Readonly<Record<string, OptionSpec>>> ? ArgsOf<A> : never;
type SpecOpts<S> = S extends CommandSpec<readonly ArgSpec[], infer O> ? OptionsOf<{ options: O }> : never;

/** The body's type: `(ctx, ...arguments, options) => exit code`. */
export type RunOf<S> = (ctx: AppContext, ...rest: [...SpecArgs<S>, SpecOpts<S>]) => Promise<number>;

/** One registry entry: the spec and its lazily loaded body, checked against each other. */
export interface Registered {
  readonly spec: CommandSpec;
  readonly load?: () => Promise<{ default: (ctx: AppContext, ...rest: never[]) => Promise<number> }>;
}

export function command<S extends CommandSpec>(spec: S, load: () => Promise<{ default: RunOf<S> }>): Registered {
  return { spec, load: load as Registered['load'] };
}

export function group(spec: CommandSpec): Registered {
  return { spec };
}

/** A spec with its literal types erased, as the registry holds it. */
export type AnySpec = CommandSpec;
