// Whether a quote's speaker is the person or body a user asks for (khabar quotes --speaker, /api/quotes?speaker=):
// the name's spelling variants count (تشاووش أوغلو = جاويش أوغلو), and a name asked for in part (الجهيناوي) finds the
// full speaker (وزير الشؤون الخارجية خميس الجهيناوي).
import { sameName } from '../names.js';
import { fold } from './cues.js';

const norm = (s: string) => fold(s).replace(/[^\u0621-\u064A0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();

export function speakerMatches(speaker: string | null, asked: string): boolean {
  if (!speaker) return false;
  const s = norm(speaker), a = norm(asked);
  if (!a) return false;
  if (` ${s} `.includes(` ${a} `)) return true;
  const sw = s.split(' '), n = a.split(' ').length;
  for (let k = 0; k + n <= sw.length; k++) if (sameName(sw.slice(k, k + n).join(' '), a)) return true;
  return false;
}
