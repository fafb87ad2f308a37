/** One of the user's own logged activities. */
export interface Activity {
  id: string;
  version: number;
  kind: string;
  occurredOn: string;
  count: number;
  courseId: string | null;
  note: string | null;
}

export const ACTIVITY_FIELDS = 'id version kind occurredOn count courseId note';

/** An addressing training the user holds, to link an ADDRESSING_TRAINING entry to. */
export interface CourseOption {
  id: string;
  name: string;
  startsOn: string | null;
}

