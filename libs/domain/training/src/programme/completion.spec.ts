import { evaluateCompletion, RuleModule } from './completion';
import { ModuleKind } from './programme.models';

const day = (id: string, required = true): RuleModule => ({ id, kind: ModuleKind.SESSION, themeEn: `Day ${id}`, required });
const task = (id: string, kind: ModuleKind, required: boolean): RuleModule => ({ id, kind, themeEn: `Task ${id}`, required });

/** The national key worker training: four required days, an optional closing session, tasks of which only the final one is required. */
const KEY_WORKER = [
  task('pre', ModuleKind.PRE_TASK, false),
  day('1'), day('2'), day('3'), day('4'),
  task('final', ModuleKind.FINAL_TASK, true),
  day('closing', false),
];

describe('evaluateCompletion', () => {
  it('completes with the four days attended and the final task accepted', () => {
    expect(evaluateCompletion(KEY_WORKER, null, { attendedModules: new Set(['1', '2', '3', '4']), acceptedTasks: new Set(['final']) })).toEqual({ complete: true, missing: [] });
  });

  it('names what is missing: a day (even if the closing session was attended) and the final task', () => {
    expect(evaluateCompletion(KEY_WORKER, null, { attendedModules: new Set(['1', '2', '4', 'closing']), acceptedTasks: new Set(['pre']) })).toEqual({
      complete: false,
      missing: ['session: Day 3', 'task: Task final'],
    });
  });

  it('counts sessions instead when the programme sets a minimum (e.g. 5 of 7 meetings)', () => {
    const meetings = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => day(id));
    expect(evaluateCompletion(meetings, 5, { attendedModules: new Set(['a', 'b', 'c', 'd']), acceptedTasks: new Set() }).missing).toEqual(['sessions: 4 of 5 attended']);
    expect(evaluateCompletion(meetings, 5, { attendedModules: new Set(['a', 'b', 'c', 'd', 'g']), acceptedTasks: new Set() }).complete).toBe(true);
  });
});
