import * as common from './common';
import * as files from './files';
import * as national from './national';
import * as registry from './registry';
import * as self from './self';
import * as signIn from './sign-in';
import * as training from './training';

export type Locale = 'fi' | 'sv' | 'en';

/** Each area of the app keeps its texts in its own module, in the three languages. */
const areas = { common, signIn, national, registry, training, self, files };

type Areas = typeof areas;
export type Messages = { [A in keyof Areas]: Areas[A]['en'] };

export const messages: Record<Locale, Messages> = Object.fromEntries(
  (['fi', 'sv', 'en'] as const).map((locale) => [locale, Object.fromEntries(Object.entries(areas).map(([name, area]) => [name, area[locale]]))]),
) as Record<Locale, Messages>;
