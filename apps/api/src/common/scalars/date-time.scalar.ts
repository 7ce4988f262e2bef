import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { badInput } from '../errors';

export const DATE_YEAR_MIN = 2000;
export const DATE_YEAR_MAX = 2100;

/** RFC 3339 / ISO 8601 extended format, with seconds optional and a mandatory zone (Z or ±hh:mm). */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|([+-])(\d{2}):(\d{2}))$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

type Bilingual = { fr: string; en: string };

function invalid(value: unknown, why: Bilingual): GraphQLError {
  const shown =
    typeof value === 'string' ? { fr: `« ${value.slice(0, 40)} »`, en: `"${value.slice(0, 40)}"` } : { fr: 'la valeur envoyée', en: 'the value sent' };
  return badInput('INVALID_DATE_TIME', { value: shown, why });
}

/** Why a DateTime is refused, in both languages (a parameter of INVALID_DATE_TIME). */
const WHY = {
  notAString: { fr: 'une chaîne de caractères est attendue', en: 'a string is expected' },
  format: { fr: 'format non reconnu ou fuseau horaire absent', en: 'unrecognised format or missing time zone' },
  year: {
    fr: `l'année doit être comprise entre ${DATE_YEAR_MIN} et ${DATE_YEAR_MAX}`,
    en: `the year must be between ${DATE_YEAR_MIN} and ${DATE_YEAR_MAX}`,
  },
  month: { fr: 'mois inexistant', en: 'no such month' },
  day: { fr: "ce jour n'existe pas dans ce mois", en: 'this day does not exist in this month' },
  time: { fr: 'heure inexistante', en: 'no such time' },
  zone: { fr: 'fuseau horaire inexistant', en: 'no such time zone' },
} satisfies Record<string, Bilingual>;

/**
 * The single parser of every DateTime input: a real calendar date and time, written with its
 * time zone, between the years 2000 and 2100. Nothing is rolled over (30 February is refused,
 * not read as 2 March) and no other format is guessed.
 */
export function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string') throw invalid(value, WHY.notAString);
  const match = ISO_DATE_TIME.exec(value);
  if (!match) throw invalid(value, WHY.format);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const fraction = match[7] ?? '';
  if (year < DATE_YEAR_MIN || year > DATE_YEAR_MAX) throw invalid(value, WHY.year);
  if (month < 1 || month > 12) throw invalid(value, WHY.month);
  if (day < 1 || day > daysIn(year, month)) throw invalid(value, WHY.day);
  if (hour > 23 || minute > 59 || second > 59) throw invalid(value, WHY.time);
  let offsetMinutes = 0;
  if (match[9]) {
    const [offsetHours, offsetMins] = [Number(match[10]), Number(match[11])];
    if (offsetHours > 14 || offsetMins > 59) throw invalid(value, WHY.zone);
    offsetMinutes = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000);
}

/** Keeps the contract's name (`scalar DateTime`); replaces @nestjs/graphql's lenient `new Date(value)`. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, written ISO 8601 with its time zone, such as 2026-03-14T09:00:00Z; years 2000 to 2100 on input.',
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid(undefined, WHY.notAString);
    return parseDateTime(ast.value);
  },
  serialize(value) {
    const date = value instanceof Date ? value : new Date(value as string | number);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('Date enregistrée illisible.');
    return date.toISOString();
  },
});
