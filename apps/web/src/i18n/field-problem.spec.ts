import { describeProblem } from './field-problem';

describe('field problems in the user\'s language', () => {
  it('says a general rule in Finnish and Swedish, with the limit the API stated', () => {
    const email = { field: 'input.email', message: 'email must be an e-mail address', rule: 'isEmailAddress' };
    expect(describeProblem(email, 'fi')).toBe('Anna sähköpostiosoite muodossa nimi@esimerkki.fi.');
    expect(describeProblem(email, 'sv')).toBe('Ange en e-postadress i formen namn@exempel.fi.');
    const long = { field: 'input.name', message: 'name must be shorter than or equal to 200 characters', rule: 'maxLength' };
    expect(describeProblem(long, 'fi')).toBe('Enintään 200 merkkiä.');
    const short = { field: 'input.name', message: 'name must be longer than or equal to 1 characters', rule: 'isLength' };
    expect(describeProblem(short, 'sv')).toBe('Minst 1 tecken.');
    expect(describeProblem({ field: 'input.count', message: 'count must not be less than 1', rule: 'min' }, 'fi')).toBe('Vähintään 1.');
  });

  it('keeps the API\'s own words in English, and for rules about the county\'s data', () => {
    const email = { field: 'input.email', message: 'email must be an e-mail address', rule: 'isEmailAddress' };
    expect(describeProblem(email, 'en')).toBe('email must be an e-mail address');
    const duplicate = { field: 'input.email', message: 'A person with this e-mail address already exists in your county' };
    expect(describeProblem(duplicate, 'fi')).toBe(duplicate.message);
    expect(describeProblem({ field: 'x', message: 'odd rule', rule: 'somethingNew' }, 'sv')).toBe('odd rule');
  });
});
