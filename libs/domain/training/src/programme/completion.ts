import { ModuleKind } from './programme.models';

export interface RuleModule {
  id: string;
  kind: ModuleKind;
  themeEn: string;
  required: boolean;
}

export interface Progress {
  /** Session modules the participant attended, in the original session or a make-up one. */
  attendedModules: ReadonlySet<string>;
  /** Task modules whose submission was accepted. */
  acceptedTasks: ReadonlySet<string>;
}

export interface Completion {
  complete: boolean;
  /** What is still missing, in curriculum order, e.g. "session: Lived experience II", "task: Final task". */
  missing: string[];
}

/**
 * The completion rule, which is data: every required session attended (or, when the programme sets
 * `minSessions`, that many sessions of any kind), and every required task accepted.
 */
export function evaluateCompletion(modules: RuleModule[], minSessions: number | null, progress: Progress): Completion {
  const missing: string[] = [];
  const sessions = modules.filter((m) => m.kind === ModuleKind.SESSION);
  if (minSessions) {
    const attended = sessions.filter((m) => progress.attendedModules.has(m.id)).length;
    if (attended < minSessions) missing.push(`sessions: ${attended} of ${minSessions} attended`);
  } else {
    for (const m of sessions) if (m.required && !progress.attendedModules.has(m.id)) missing.push(`session: ${m.themeEn}`);
  }
  for (const m of modules) {
    if (m.kind !== ModuleKind.SESSION && m.required && !progress.acceptedTasks.has(m.id)) missing.push(`task: ${m.themeEn}`);
  }
  return { complete: missing.length === 0, missing };
}
