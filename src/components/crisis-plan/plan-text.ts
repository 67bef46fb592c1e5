import type { CrisisPlan } from '../../contract/crisis-plan.js';
import type { CareTeam } from '../../contract/team.js';
import type { Audience } from '../../contract/values.js';
import type { CommonMessages, CrisisReadingMessages } from '../../i18n/types.js';
import type { Responsibility } from '../../contract/responsibility.js';
import { hoursText, servicesOf, shownContact, stagesInOrder, type ShownPlan } from './plan-model.js';

/**
 * The whole plan as plain text, in the reader's language: a copy the person can keep on a phone or
 * computer and read without the internet. Every stage, every number, the date and the version.
 */
export const planAsText = (
  plan: CrisisPlan,
  team: CareTeam,
  t: CrisisReadingMessages & CommonMessages,
  options: { audience: Audience; today: string; date: (iso: string) => string; responsibilityTitles: ReadonlyMap<string, string>; responsibilities?: readonly Responsibility[] },
): string => {
  const person = team.members.find((m) => m.id === team.serviceUserId)?.name ?? t.unknownPerson;
  const name = (id: string) => team.members.find((m) => m.id === id)?.name ?? t.unknownMember;
  const lines: string[] = [t.titleFor(person).toUpperCase(), t.printedOn(options.date(options.today), plan.version), `${t.version(plan.version, options.date(plan.validFrom))} ${t.nextReview(options.date(plan.nextReview))}`, ''];
  const list = (title: string, items: readonly string[]) => {
    if (!items.length) return;
    lines.push(`${title}:`, ...items.map((item) => `- ${item}`), '');
  };
  lines.push(options.audience === 'service-user' ? t.ownWordsYou.toUpperCase() : t.ownWordsFor(person).toUpperCase(), '');
  const words = plan.ownWords;
  for (const key of ['earlyWarningSigns', 'triggers', 'helps', 'doesNotHelp', 'treatmentWishes', 'whoIsTold'] as const) list(t.ownWords[key], words[key]);
  list(t.ownWords.practical, words.practical.map((m) => `${t.topics[m.topic]}: ${m.text}`));
  for (const stage of stagesInOrder(plan)) {
    lines.push(t.stages[stage.id].toUpperCase(), '');
    if (!stage.signs.length && !stage.measures.length && !stage.contacts.length) lines.push(t.stageEmpty, '');
    list(t.signsHeading, stage.signs);
    list(
      t.measuresHeading,
      stage.measures.map((m) => {
        const titles = m.responsibilityIds.map((id) => options.responsibilityTitles.get(id)).filter(Boolean) as string[];
        return [m.text, m.memberIds.length ? t.who(m.memberIds.map(name).join(', ')) : '', titles.length ? t.partOf(titles.join(', ')) : ''].filter(Boolean).join(' ');
      }),
    );
    const contacts = stage.contacts.map((c) => shownContact(c, team, options.audience));
    if (contacts.length) {
      lines.push(`${t.contactsHeading}:`);
      contacts.forEach((c, i) => {
        lines.push(`${i + 1}. ${c.name}: ${c.phone ?? (c.sms ? `${t.textMessage(c.name)} ${c.sms}` : t.noPhone)}${c.hours?.length ? ` ${t.answers(hoursText(c.hours, t.weekdays))}` : ''}${c.note ? ` ${c.note}` : ''}`);
        if (c.outOfHoursName && c.outOfHoursPhone) lines.push(`   ${t.outsideHours(c.outOfHoursName)}: ${c.outOfHoursPhone}`);
      });
      lines.push('');
    }
  }
  lines.push((options.audience === 'service-user' ? t.servicesYou : t.servicesFor(person)).toUpperCase(), '');
  const services = servicesOf(team, options.responsibilities ?? []);
  if (!services.length) lines.push(t.noServices, '');
  for (const s of services) lines.push(`- ${s.name}${s.offers ? `: ${s.offers}` : ''}`, `  ${t.servicePeople(s.people.join(', '))}`, ...(s.does.length ? [`  ${t.serviceDoes(s.does.join(', '))}`] : []), '');
  return `${lines.join('\n').trim()}\n`;
};

/** Offers the plan as a text file to download, named after the plan, its version and the day. */
export const downloadPlanText = (
  view: Pick<ShownPlan, 'plan' | 'team' | 'responsibilities' | 'responsibilityTitles'>,
  t: CrisisReadingMessages & CommonMessages,
  options: { audience: Audience; today: string; date: (iso: string) => string },
): void => {
  const { plan, responsibilities } = view;
  const text = planAsText(plan, view.team, t, { ...options, responsibilityTitles: view.responsibilityTitles, responsibilities });
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `crisis-plan-${plan.id}-v${plan.version}-${options.today}.txt`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
