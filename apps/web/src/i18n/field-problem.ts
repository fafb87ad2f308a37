import type { FieldProblem } from '../api/graphql';
import type { Locale } from './messages';

type Say = (limit?: number) => string;

/** General rules in Finnish and Swedish; English shows the API's own, more specific message. */
const RULES: Record<Exclude<Locale, 'en'>, Record<string, Say>> = {
  fi: {
    isEmail: () => 'Anna sähköpostiosoite muodossa nimi@esimerkki.fi.',
    isNotEmpty: () => 'Tämä tieto on pakollinen.',
    arrayMinSize: () => 'Valitse vähintään yksi.',
    maxLength: (n) => `Enintään ${n} merkkiä.`,
    minLength: (n) => `Vähintään ${n} merkkiä.`,
    max: (n) => `Enintään ${n}.`,
    min: (n) => `Vähintään ${n}.`,
    isInt: () => 'Anna kokonaisluku.',
    isNumber: () => 'Anna luku.',
    isLocalDate: () => 'Anna päivämäärä (pp.kk.vvvv).',
    isLocalTime: () => 'Anna kellonaika (tt:mm).',
    choice: () => 'Valitse jokin vaihtoehdoista.',
    isPrintable: () => 'Poista näkymättömät ohjausmerkit.',
    format: () => 'Tarkista muoto.',
  },
  sv: {
    isEmail: () => 'Ange en e-postadress i formen namn@exempel.fi.',
    isNotEmpty: () => 'Uppgiften är obligatorisk.',
    arrayMinSize: () => 'Välj minst en.',
    maxLength: (n) => `Högst ${n} tecken.`,
    minLength: (n) => `Minst ${n} tecken.`,
    max: (n) => `Högst ${n}.`,
    min: (n) => `Minst ${n}.`,
    isInt: () => 'Ange ett heltal.',
    isNumber: () => 'Ange ett tal.',
    isLocalDate: () => 'Ange ett datum (dd.mm.åååå).',
    isLocalTime: () => 'Ange en tid (tt:mm).',
    choice: () => 'Välj ett av alternativen.',
    isPrintable: () => 'Ta bort osynliga styrtecken.',
    format: () => 'Kontrollera formatet.',
  },
};

/** class-validator's rule names, mapped onto the few things a user needs to hear. */
const ALIASES: Record<string, string> = {
  isEmailAddress: 'isEmail',
  arrayNotEmpty: 'arrayMinSize',
  isUuid: 'choice',
  isEnum: 'choice',
  isIn: 'choice',
  matches: 'format',
  isString: 'format',
  isBoolean: 'format',
};

/**
 * The problem in the user's language when its rule is a general one; otherwise (a rule about this
 * county's data, a duplicate) the API's own words. The limit of a length or range rule is read from
 * the API's message, which always states it.
 */
export function describeProblem(problem: FieldProblem, locale: Locale): string {
  if (locale === 'en' || !problem.rule) return problem.message;
  const limit = Number(/(\d+)/.exec(problem.message)?.[1]);
  const rule = problem.rule === 'isLength' ? (/longer/.test(problem.message) ? 'minLength' : 'maxLength') : (ALIASES[problem.rule] ?? problem.rule);
  return RULES[locale][rule]?.(limit) ?? problem.message;
}
