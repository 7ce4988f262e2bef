import 'reflect-metadata';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, IsString, MaxLength, validateSync } from 'class-validator';
import { isErrorReason } from '@essaim/domain';
import { localiseError } from '../localised-errors.plugin';
import { validationPipe } from '../validation';
import { IsTitleText } from '../text/text-validators';
import { fieldProblems, problem } from './problem';

class Comment {
  @MaxLength(500, problem('COMMENT_TOO_LONG', { max: 500 }))
  body!: string;

  @IsTitleText('titre', 2, 20)
  title!: string;

  @IsString()
  code!: string;
}

const errorsOf = (value: object) => validateSync(plainToInstance(Comment, value), { stopAtFirstError: true });

describe('validation problems', () => {
  it('keeps the French sentence as the decorator message and the reason as its context', () => {
    expect(problem('COMMENT_TOO_LONG', { max: 500 })).toEqual({
      message: 'Le commentaire ne doit pas dépasser 500 caractères.',
      context: { reason: 'COMMENT_TOO_LONG', params: { max: 500 } },
    });
  });

  it('gives each refused field its reason, parameters and French sentence; class-validator’s own messages get INVALID_VALUE', () => {
    const problems = fieldProblems(errorsOf({ body: 'x'.repeat(501), title: 'a\u202Eb', code: 42 }));
    expect(problems).toEqual([
      { field: 'body', reason: 'COMMENT_TOO_LONG', params: { max: 500 }, message: 'Le commentaire ne doit pas dépasser 500 caractères.' },
      {
        field: 'title',
        reason: 'TEXT_HAS_BIDI_OVERRIDE',
        params: { label: 'titre' },
        message: "« titre » ne peut pas contenir de caractère qui inverse le sens d'écriture.",
      },
      {
        field: 'code',
        reason: 'INVALID_VALUE',
        params: { field: 'code', detail: 'code must be a string' },
        message: 'Valeur invalide pour « code » (code must be a string).',
      },
    ]);
  });

  it('checks the one-line rules in order: a control character before visibility', () => {
    expect(fieldProblems(errorsOf({ body: '', title: '\u200B\t\u200B', code: 'ab' })).map((p) => p.reason)).toEqual(['TEXT_HAS_CONTROL_CHARACTER']);
    expect(fieldProblems(errorsOf({ body: '', title: '\u200B\u200B', code: 'ab' })).map((p) => p.reason)).toEqual(['TEXT_NOT_VISIBLE']);
  });

  it('builds INVALID_INPUT in French, then says it and each field in English', async () => {
    const refusal = await validationPipe
      .transform({ body: 'x'.repeat(501), title: 'T', code: 'ab' }, { type: 'body', metatype: Comment })
      .catch((error: unknown) => error as { message: string; extensions: Record<string, unknown> });
    expect(refusal.message).toBe('Le commentaire ne doit pas dépasser 500 caractères. « titre » doit contenir entre 2 et 20 caractères.');
    expect(refusal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    const english = localiseError({ message: refusal.message, extensions: refusal.extensions }, 'en');
    expect(english.message).toBe('The comment must not exceed 500 characters. "titre" must contain between 2 and 20 characters.');
    expect(english.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_INPUT',
      params: { problems: english.message },
      fields: [
        { field: 'body', reason: 'COMMENT_TOO_LONG', params: { max: 500 }, message: 'The comment must not exceed 500 characters.' },
        {
          field: 'title',
          reason: 'TEXT_LENGTH_BETWEEN',
          params: { label: 'titre', min: 2, max: 20 },
          message: '"titre" must contain between 2 and 20 characters.',
        },
      ],
    });
  });

  it('keeps what graphql-js writes before the sentence when saying it in English', () => {
    const french = { message: 'Variable "$at" got invalid value "x"; Identifiant invalide.', extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_ID' } };
    expect(localiseError(french, 'en').message).toBe('Variable "$at" got invalid value "x"; Invalid identifier.');
  });
});

/** Every file of the API that declares validated arguments (DTOs, and argument classes beside resolvers). */
function validatedFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return validatedFiles(path);
    const validated = name.endsWith('.ts') && !name.endsWith('.spec.ts') && readFileSync(path, 'utf8').includes("from 'class-validator'");
    return validated ? [path] : [];
  });
}

interface Constraint {
  type: string;
  propertyName: string;
  message?: unknown;
  context?: { reason?: unknown };
}

describe('the arguments of the API', () => {
  it('say every message of their own through the catalogue (a reason in the constraint context)', async () => {
    const files = validatedFiles(join(__dirname, '..', '..'));
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) await import(file);
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, Constraint[]> };
    // Nested validation only hands its children's problems up; its own message is class-validator's.
    const all = [...storage.validationMetadatas.values()].flat().filter((m) => m.type !== 'nestedValidation');
    const withoutReason = all.filter((m) => m.message !== undefined && !isErrorReason(m.context?.reason)).map((m) => `${m.propertyName}: ${String(m.message)}`);
    expect(all.length).toBeGreaterThan(200);
    expect(withoutReason).toEqual([]);
  });
});
