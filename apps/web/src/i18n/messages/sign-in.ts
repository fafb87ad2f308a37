/** Texts of the sign-in page. */
export const en = {
  title: 'Sign in to Lähde',
  withProvider: 'Sign in',
  providerHelp: 'You will be taken to your organisation’s sign-in service and brought back here.',
  devTitle: 'Local sign-in (development)',
  devHelp: 'Pick a role and a county. The development issuer signs a token for them; it is never available in production.',
  role: 'Role',
  county: 'County',
  chooseCounty: 'Choose a county',
  email: 'E-mail (links a trainer or key worker to their own record)',
  name: 'Name',
  submit: 'Sign in with this role',
  returning: 'Completing sign-in…',
  failed: 'Sign-in failed. Please try again.',
  unavailable: 'No sign-in method is configured. Ask the administrator to set OIDC_* (see README).',
};

export type Messages = typeof en;

export const fi: Messages = {
  title: 'Kirjaudu Lähteeseen',
  withProvider: 'Kirjaudu sisään',
  providerHelp: 'Siirryt organisaatiosi kirjautumispalveluun ja palaat sitten tänne.',
  devTitle: 'Paikallinen kirjautuminen (kehitys)',
  devHelp: 'Valitse rooli ja hyvinvointialue. Kehitysmyöntäjä allekirjoittaa niille tunnisteen; sitä ei koskaan ole tuotannossa.',
  role: 'Rooli',
  county: 'Hyvinvointialue',
  chooseCounty: 'Valitse hyvinvointialue',
  email: 'Sähköposti (yhdistää kouluttajan tai avainhenkilön omiin tietoihinsa)',
  name: 'Nimi',
  submit: 'Kirjaudu tällä roolilla',
  returning: 'Viimeistellään kirjautumista…',
  failed: 'Kirjautuminen epäonnistui. Yritä uudelleen.',
  unavailable: 'Kirjautumistapaa ei ole määritetty. Pyydä ylläpitäjää asettamaan OIDC_*-muuttujat (ks. README).',
};

export const sv: Messages = {
  title: 'Logga in i Lähde',
  withProvider: 'Logga in',
  providerHelp: 'Du förs till din organisations inloggningstjänst och tillbaka hit.',
  devTitle: 'Lokal inloggning (utveckling)',
  devHelp: 'Välj roll och välfärdsområde. Utvecklingsutfärdaren signerar en token för dem; den finns aldrig i produktion.',
  role: 'Roll',
  county: 'Välfärdsområde',
  chooseCounty: 'Välj välfärdsområde',
  email: 'E-post (kopplar en utbildare eller nyckelperson till sina egna uppgifter)',
  name: 'Namn',
  submit: 'Logga in med denna roll',
  returning: 'Slutför inloggningen…',
  failed: 'Inloggningen misslyckades. Försök igen.',
  unavailable: 'Inget inloggningssätt har konfigurerats. Be administratören ställa in OIDC_* (se README).',
};
