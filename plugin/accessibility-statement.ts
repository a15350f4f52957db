/**
 * The accessibility statement (« Déclaration d'accessibilité », RGAA) written at build time from the
 * site configuration's `legal.accessibilityStatement`: accessibilite.html and en/accessibility.html
 * (src/ui/site-frame/frame-data.ts STATEMENT_PAGES), with the RGAA model's sections. Static HTML
 * without script, in the site's header and footer; every value of the configuration escaped.
 */
import type { AccessibilityStatement, SiteConfig } from '../src/context/types.js';
import { textFor, type Language } from '../src/i18n/text.js';
import { siteName, STATEMENT_PAGES } from '../src/ui/site-frame/frame-data.js';
import { escapeHtml } from './pages.js';
import { frameStylesheet, identityLinks, staticFooter, staticHeader } from './site-frame-html.js';

const STYLESHEET = 'accessibilite.css';

/** The Défenseur des droits, where a person turns when the site's answer does not satisfy them. */
const DEFENSEUR = {
  form: 'https://formulaire.defenseurdesdroits.fr/',
  delegates: 'https://www.defenseurdesdroits.fr/saisir/delegues',
  mail: 'Défenseur des droits<br />Libre réponse 71120<br />75342 Paris CEDEX 07',
};

interface Texts {
  title: string;
  otherLanguage: { lang: Language; label: string };
  commitment(entity: string, site: string): string;
  established(date: string): string;
  conformityHeading: string;
  conformity: Record<AccessibilityStatement['conformity'], (site: string) => string>;
  noAudit: string;
  testsHeading: string;
  tests(date: string, rate: string, by: string): string;
  nonAccessibleHeading: string;
  nonAccessibleIntro: string;
  noneListedWithoutAudit: string;
  noneListed: string;
  establishmentHeading: string;
  contactHeading: string;
  contact(site: string): string;
  contactLink: string;
  remediesHeading: string;
  remediesIntro: string;
  remedies: [form: string, delegates: string, mail: string];
}

const TEXTS: Record<Language, Texts> = {
  fr: {
    title: "Déclaration d'accessibilité",
    otherLanguage: { lang: 'en', label: 'Accessibility statement in English' },
    commitment: (entity, site) =>
      `${entity} s'engage à rendre ses sites internet accessibles conformément à l'article 47 de la loi n° 2005‑102 du 11 février 2005. Cette déclaration d'accessibilité s'applique au site « ${site} ».`,
    established: (date) => `Cette déclaration a été établie le ${date}.`,
    conformityHeading: 'État de conformité',
    conformity: {
      non: (site) => `Le site « ${site} » est <strong>non conforme</strong> avec le référentiel général d'amélioration de l'accessibilité (RGAA).`,
      partielle: (site) => `Le site « ${site} » est <strong>partiellement conforme</strong> avec le référentiel général d'amélioration de l'accessibilité (RGAA), en raison des non-conformités énumérées ci-dessous.`,
      totale: (site) => `Le site « ${site} » est <strong>totalement conforme</strong> avec le référentiel général d'amélioration de l'accessibilité (RGAA).`,
    },
    noAudit: "Il n'a encore fait l'objet d'aucun audit de conformité : aucun taux de conformité ne peut donc être déclaré.",
    testsHeading: 'Résultats des tests',
    tests: (date, rate, by) => `L'audit de conformité réalisé le ${date}${by ? ` par ${by}` : ''} révèle que <strong>${rate} %</strong> des critères du RGAA sont respectés.`,
    nonAccessibleHeading: 'Contenus non accessibles',
    nonAccessibleIntro: 'Les contenus listés ci-dessous ne sont pas accessibles :',
    noneListedWithoutAudit: "Faute d'audit, les contenus non accessibles n'ont pas encore été recensés.",
    noneListed: "Aucun contenu non accessible n'a été relevé.",
    establishmentHeading: 'Établissement de cette déclaration',
    contactHeading: "Retour d'information et contact",
    contact: (site) =>
      `Si vous n'arrivez pas à accéder à un contenu ou à un service du site « ${site} », vous pouvez contacter son responsable pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.`,
    contactLink: 'Contacter le responsable du site',
    remediesHeading: 'Voies de recours',
    remediesIntro:
      "Si vous avez signalé au responsable du site un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un service et que vous n'avez pas obtenu de réponse satisfaisante, vous êtes en droit de faire parvenir vos doléances ou une demande de saisine au Défenseur des droits :",
    remedies: [
      `Écrire un message au Défenseur des droits (<a href="${DEFENSEUR.form}">formulaire en ligne</a>)`,
      `Contacter <a href="${DEFENSEUR.delegates}">le délégué du Défenseur des droits dans votre région</a>`,
      `Envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) :<br />${DEFENSEUR.mail}`,
    ],
  },
  en: {
    title: 'Accessibility statement',
    otherLanguage: { lang: 'fr', label: "Déclaration d'accessibilité en français" },
    commitment: (entity, site) =>
      `${entity} is committed to making its websites accessible in accordance with article 47 of French law no. 2005‑102 of 11 February 2005. This accessibility statement applies to the website “${site}”.`,
    established: (date) => `This statement was established on ${date}.`,
    conformityHeading: 'Compliance status',
    conformity: {
      non: (site) => `The website “${site}” is <strong>not compliant</strong> with the French accessibility framework (RGAA).`,
      partielle: (site) => `The website “${site}” is <strong>partially compliant</strong> with the French accessibility framework (RGAA), because of the non-compliances listed below.`,
      totale: (site) => `The website “${site}” is <strong>fully compliant</strong> with the French accessibility framework (RGAA).`,
    },
    noAudit: 'It has not been audited for compliance yet, so no compliance rate can be stated.',
    testsHeading: 'Test results',
    tests: (date, rate, by) => `The compliance audit carried out on ${date}${by ? ` by ${by}` : ''} shows that <strong>${rate}%</strong> of the RGAA criteria are met.`,
    nonAccessibleHeading: 'Non-accessible content',
    nonAccessibleIntro: 'The content listed below is not accessible:',
    noneListedWithoutAudit: 'Without an audit, the non-accessible content has not been listed yet.',
    noneListed: 'No non-accessible content has been found.',
    establishmentHeading: 'Preparation of this statement',
    contactHeading: 'Feedback and contact',
    contact: (site) =>
      `If you cannot access some content or a service of the website “${site}”, you can contact the person in charge of it to be directed to an accessible alternative or to obtain the content in another form.`,
    contactLink: 'Contact the person in charge of the website',
    remediesHeading: 'Remedies',
    remediesIntro:
      'If you have reported to the website an accessibility problem that prevents you from accessing some content or a service and have not received a satisfactory answer, you may refer the matter to the Défenseur des droits (the French Ombudsman):',
    remedies: [
      `Write a message to the Défenseur des droits (<a href="${DEFENSEUR.form}" hreflang="fr">online form</a>)`,
      `Contact <a href="${DEFENSEUR.delegates}" hreflang="fr">the Défenseur des droits's delegate in your region</a>`,
      `Send a letter by post (free of charge, no stamp needed):<br /><span lang="fr">${DEFENSEUR.mail}</span>`,
    ],
  },
};

/** "2026-11-30" as "30 novembre 2026" / "30 November 2026". */
function longDate(date: string, language: Language): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return escapeHtml(date);
  const text = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(parsed);
  // French writes the first of the month « 1er ».
  return language === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

const rateText = (rate: number, language: Language): string => new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 }).format(rate);

function statementBody(statement: AccessibilityStatement, site: SiteConfig, language: Language): string {
  const t = TEXTS[language];
  const name = escapeHtml(siteName(site, language));
  const entity = escapeHtml(textFor(statement.entity, language));
  const established = longDate(statement.established, language);
  const audit = statement.audit;
  const nonAccessible = statement.nonAccessible.map((item) => `<li>${escapeHtml(textFor(item, language))}</li>`);
  return `<h1>${t.title}</h1>
        <p>${t.commitment(entity, name)}</p>
        <h2>${t.conformityHeading}</h2>
        <p>${t.conformity[statement.conformity](name)}</p>
        ${audit ? '' : `<p>${t.noAudit}</p>`}
        ${audit ? `<h2>${t.testsHeading}</h2>\n        <p>${t.tests(longDate(audit.date, language), rateText(audit.rate, language), escapeHtml(textFor(audit.by, language)))}</p>` : ''}
        <h2>${t.nonAccessibleHeading}</h2>
        ${nonAccessible.length ? `<p>${t.nonAccessibleIntro}</p>\n        <ul>${nonAccessible.join('')}</ul>` : `<p>${audit ? t.noneListed : t.noneListedWithoutAudit}</p>`}
        <h2>${t.establishmentHeading}</h2>
        <p>${t.established(established)}</p>
        <h2>${t.contactHeading}</h2>
        <p>${t.contact(name)}</p>
        <p><a class="button" href="${escapeHtml(statement.contact)}">${t.contactLink}</a></p>
        <h2>${t.remediesHeading}</h2>
        <p>${t.remediesIntro}</p>
        <ul>${t.remedies.map((remedy) => `<li>${remedy}</li>`).join('')}</ul>`;
}

const PAGE_STYLES = `
.statement {
  max-width: 48rem;
  margin: 0 auto;
  padding: 1.5rem clamp(1rem, 4vw, 2.5rem) 3rem;
}
.statement h1 {
  font-size: clamp(1.6rem, 4vw, 2.2rem);
}
.statement h2 {
  margin-top: 2rem;
  font-size: 1.35rem;
}
.statement li + li {
  margin-top: 0.5rem;
}
.other-language {
  text-align: end;
}
`;

/**
 * The statement's pages (FR and EN) and their stylesheet, or none when the configuration holds no
 * statement. `indexHtml` (the built index.html) gives the viewer's stylesheets and icon.
 */
export function accessibilityStatementFiles(site: SiteConfig, indexHtml: string): Array<{ path: string; source: string }> {
  const statement = site.legal.accessibilityStatement;
  if (!statement) return [];
  const links = [...indexHtml.matchAll(/<link rel="(?:stylesheet|icon)"[^>]*>/g)].map((m) => m[0]);
  const page = (language: Language): string => {
    const path = STATEMENT_PAGES[language];
    const prefix = path.includes('/') ? '../' : '';
    const t = TEXTS[language];
    const other = t.otherLanguage;
    const head = [...links.map((link) => link.replace(/href="\.\//, `href="${prefix}`)), ...identityLinks(site, prefix), `<link rel="stylesheet" href="${prefix}${STYLESHEET}" />`];
    return `<!doctype html>
<html lang="${language}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${t.title} – ${escapeHtml(siteName(site, language))}</title>
    <link rel="alternate" hreflang="${other.lang}" href="${prefix}${STATEMENT_PAGES[other.lang]}" />
    ${head.join('\n    ')}
  </head>
  <body>
    ${staticHeader(site, language, prefix)}
    <main class="statement">
      <p class="other-language"><a href="${prefix}${STATEMENT_PAGES[other.lang]}" hreflang="${other.lang}" lang="${other.lang}">${other.label}</a></p>
      <article>
        ${statementBody(statement, site, language)}
      </article>
    </main>
    ${staticFooter(site, language, prefix)}
  </body>
</html>
`;
  };
  return [
    { path: STATEMENT_PAGES.fr, source: page('fr') },
    { path: STATEMENT_PAGES.en, source: page('en') },
    { path: STYLESHEET, source: `${frameStylesheet(site)}${PAGE_STYLES}` },
  ];
}
