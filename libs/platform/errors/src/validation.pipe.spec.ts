import { IsEmail, MaxLength } from 'class-validator';
import { InputError } from './app-errors';
import { InputValidationPipe, unprintableStrings } from './validation.pipe';

describe('unprintable input', () => {
  it('finds control characters and broken UTF-16 by path, and lets tabs, line breaks and emoji through', () => {
    const input = { name: 'a\u0001b', notes: ['fine\tline\r\nnext 😀', '\u001b[2J'], nested: { lone: '\ud800', ok: 'Mäntsälä' }, count: 3 };
    expect(unprintableStrings(input, 'input')).toEqual(['input.name', 'input.notes.1', 'input.nested.lone']);
    expect(unprintableStrings('\u0000', 'id')).toEqual(['id']);
  });

  it('refuses them before validation, naming each field', async () => {
    const pipe = new InputValidationPipe();
    const refusal = (await pipe.transform({ name: 'x\u007f' }, { type: 'body', data: 'input' }).catch((e: InputError) => e)) as InputError;
    expect(refusal).toBeInstanceOf(InputError);
    expect(refusal.extensions.fields).toEqual([{ field: 'input.name', message: 'name must not contain control characters or broken Unicode', rule: 'isPrintable' }]);
  });
});

class Contact {
  @IsEmail()
  email: string;

  @MaxLength(5)
  name: string;
}

describe('field problems', () => {
  it('name the rule that failed, so that clients can say it in their user\'s language', async () => {
    const pipe = new InputValidationPipe();
    const refusal = (await pipe.transform({ email: 'nope', name: 'far too long' }, { type: 'body', data: 'input', metatype: Contact }).catch((e: InputError) => e)) as InputError;
    expect(refusal.extensions.fields).toEqual([
      { field: 'input.email', message: 'email must be an email', rule: 'isEmail' },
      { field: 'input.name', message: 'name must be shorter than or equal to 5 characters', rule: 'maxLength' },
    ]);
  });
});
