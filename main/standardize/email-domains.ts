/**
 * Mail providers people mistype. Order matters: on a tie in edit distance the
 * earlier (more common) domain wins. Real domains that sit one typo away from
 * a big provider (mail.com, gmx.com) are listed so they are never "corrected".
 */
export const knownEmailDomains = [
  'gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com', 'aol.com', 'live.com', 'msn.com',
  'qq.com', '163.com', '126.com', 'foxmail.com', 'sina.com', 'sina.cn', 'sohu.com', 'yeah.net', '139.com', 'aliyun.com', 'vip.qq.com',
  'googlemail.com', 'me.com', 'mac.com', 'mail.com', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 't-online.de', 'freenet.de',
  'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'yahoo.com.cn', 'hotmail.co.uk', 'hotmail.fr', 'hotmail.de', 'live.co.uk', 'outlook.de',
  'orange.fr', 'free.fr', 'laposte.net', 'wanadoo.fr', 'sfr.fr', 'libero.it', 'btinternet.com', 'comcast.net', 'verizon.net',
  'att.net', 'sbcglobal.net', 'protonmail.com', 'proton.me', 'mail.ru', 'yandex.ru', 'naver.com', 'ymail.com', 'rocketmail.com',
  // The big providers' national domains and national providers: each is one edit from another real domain.
  'hotmail.es', 'hotmail.it', 'hotmail.nl', 'outlook.es', 'outlook.fr', 'outlook.it', 'live.nl', 'live.fr', 'live.it', 'yahoo.es', 'yahoo.it',
  'alice.it', 'tiscali.it', 'virgilio.it', 'fastwebnet.it', 'movistar.es', 'telefonica.net', 'ono.com', 'ziggo.nl', 'kpnmail.nl', 'xs4all.nl',
  'planet.nl', 'hetnet.nl', 'home.nl', 'posteo.de', 'sky.com', 'virginmedia.com',
  // Big national providers outside Western Europe and the US.
  'yahoo.co.in', 'yahoo.co.jp', 'yahoo.com.br', 'yahoo.com.au', 'yahoo.ca', 'gmx.at', 'gmx.ch', 'rediffmail.com', 'bigpond.com', 'daum.net',
  'hanmail.net', 'seznam.cz', 'uol.com.br', 'bol.com.br', 'bluewin.ch', 'sympatico.ca', 'netvigator.com', 'optusnet.com.au',
] as const;

/**
 * Mail domains people really use, by country (plus the international ones
 * under "*"). None of them is ever called a typo, however close it is to a
 * bigger provider (yahoo.co.in is two edits from yahoo.co.uk, tim.it one from
 * tin.it). Only knownEmailDomains are suggested as corrections: a short
 * national domain as a target would "correct" unrelated company domains.
 */
export const mailDomainsByCountry: Readonly<Record<string, readonly string[]>> = {
  '*': ['gmail.com', 'googlemail.com', 'yahoo.com', 'ymail.com', 'rocketmail.com', 'hotmail.com', 'outlook.com', 'live.com', 'msn.com', 'icloud.com', 'me.com', 'mac.com',
    'aol.com', 'mail.com', 'gmx.com', 'gmx.net', 'protonmail.com', 'proton.me', 'pm.me', 'tutanota.com', 'zoho.com', 'zohomail.com', 'yandex.com', 'fastmail.com', 'hushmail.com'],
  US: ['comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'cox.net', 'charter.net', 'earthlink.net', 'optonline.net', 'frontier.com', 'windstream.net', 'juno.com', 'netzero.net', 'roadrunner.com'],
  CA: ['shaw.ca', 'rogers.com', 'sympatico.ca', 'videotron.ca', 'bell.net', 'telus.net', 'cogeco.ca', 'yahoo.ca', 'hotmail.ca', 'live.ca'],
  GB: ['btinternet.com', 'hotmail.co.uk', 'yahoo.co.uk', 'live.co.uk', 'outlook.co.uk', 'sky.com', 'virginmedia.com', 'ntlworld.com', 'talktalk.net', 'blueyonder.co.uk', 'tiscali.co.uk', 'aol.co.uk', 'gmx.co.uk', 'plus.com', 'o2.co.uk', 'tesco.net', 'btopenworld.com'],
  IE: ['eircom.net', 'live.ie', 'yahoo.ie', 'hotmail.ie'],
  DE: ['web.de', 'gmx.de', 't-online.de', 'freenet.de', 'arcor.de', 'posteo.de', 'mailbox.org', 'yahoo.de', 'hotmail.de', 'outlook.de', 'online.de', 'email.de', 'vodafonemail.de', 'kabelmail.de', 'aol.de', 'gmx.ch', 'gmx.at'],
  AT: ['gmx.at', 'aon.at', 'chello.at', 'a1.net', 'yahoo.at', 'hotmail.at'],
  CH: ['bluewin.ch', 'gmx.ch', 'hispeed.ch', 'sunrise.ch', 'swissonline.ch', 'hotmail.ch'],
  FR: ['orange.fr', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'laposte.net', 'neuf.fr', 'numericable.fr', 'bbox.fr', 'aliceadsl.fr', 'club-internet.fr', 'voila.fr', 'hotmail.fr', 'yahoo.fr', 'live.fr', 'outlook.fr', 'gmx.fr', 'aol.fr', 'noos.fr'],
  BE: ['skynet.be', 'telenet.be', 'proximus.be', 'scarlet.be', 'hotmail.be', 'live.be'],
  NL: ['ziggo.nl', 'kpnmail.nl', 'kpnplanet.nl', 'xs4all.nl', 'planet.nl', 'hetnet.nl', 'home.nl', 'chello.nl', 'casema.nl', 'upcmail.nl', 'quicknet.nl', 'zonnet.nl', 'tele2.nl', 'online.nl', 'hotmail.nl', 'live.nl'],
  IT: ['libero.it', 'virgilio.it', 'alice.it', 'tim.it', 'tin.it', 'tiscali.it', 'fastwebnet.it', 'email.it', 'inwind.it', 'iol.it', 'teletu.it', 'hotmail.it', 'yahoo.it', 'live.it', 'outlook.it', 'pec.it', 'legalmail.it'],
  ES: ['telefonica.net', 'movistar.es', 'terra.es', 'ya.com', 'wanadoo.es', 'orange.es', 'euskaltel.net', 'ono.com', 'hotmail.es', 'yahoo.es', 'outlook.es', 'vodafone.es'],
  PT: ['sapo.pt', 'clix.pt', 'netcabo.pt', 'iol.pt'],
  CN: ['qq.com', '163.com', '126.com', 'foxmail.com', 'sina.com', 'sina.cn', 'sohu.com', 'yeah.net', '139.com', '189.cn', 'aliyun.com', 'vip.qq.com', 'vip.163.com', 'vip.126.com', 'vip.sina.com', 'tom.com', '21cn.com', '263.net', 'wo.cn', '188.com', 'yahoo.com.cn', 'live.cn'],
  HK: ['netvigator.com', 'yahoo.com.hk', 'hotmail.com.hk'],
  TW: ['yahoo.com.tw', 'hinet.net', 'msa.hinet.net', 'pchome.com.tw'],
  JP: ['yahoo.co.jp', 'docomo.ne.jp', 'ezweb.ne.jp', 'au.com', 'softbank.ne.jp', 'i.softbank.jp', 'nifty.com', 'ocn.ne.jp', 'biglobe.ne.jp', 'so-net.ne.jp', 'hotmail.co.jp', 'outlook.jp', 'live.jp'],
  KR: ['naver.com', 'daum.net', 'hanmail.net', 'nate.com', 'kakao.com'],
  IN: ['yahoo.co.in', 'rediffmail.com', 'hotmail.co.in', 'outlook.in'],
  SG: ['singnet.com.sg', 'yahoo.com.sg'],
  AU: ['bigpond.com', 'bigpond.net.au', 'optusnet.com.au', 'yahoo.com.au', 'hotmail.com.au', 'iinet.net.au', 'tpg.com.au', 'internode.on.net', 'westnet.com.au'],
  NZ: ['xtra.co.nz', 'yahoo.co.nz'],
  BR: ['yahoo.com.br', 'hotmail.com.br', 'bol.com.br', 'uol.com.br', 'terra.com.br', 'ig.com.br', 'globo.com', 'oi.com.br'],
  MX: ['yahoo.com.mx', 'prodigy.net.mx', 'live.com.mx', 'hotmail.com.mx'],
  AR: ['yahoo.com.ar', 'hotmail.com.ar', 'fibertel.com.ar', 'speedy.com.ar'],
  RU: ['mail.ru', 'yandex.ru', 'ya.ru', 'rambler.ru', 'bk.ru', 'inbox.ru', 'list.ru'],
  PL: ['wp.pl', 'o2.pl', 'onet.pl', 'interia.pl', 'op.pl', 'gazeta.pl'],
  CZ: ['seznam.cz', 'centrum.cz', 'email.cz', 'volny.cz'],
  SE: ['telia.com', 'bredband.net'],
  DK: ['mail.dk', 'ofir.dk'],
  NO: ['online.no'],
};

/**
 * Providers that run one service under many national domains: hotmail.com.ar,
 * yahoo.co.id, live.be. Such a provider's name under a country's domain
 * (cc, co.cc or com.cc) is taken as real even when not listed above.
 */
export const nationalProviders: ReadonlySet<string> = new Set(['yahoo', 'hotmail', 'live', 'outlook', 'msn', 'gmx', 'aol', 'yandex']);

/** Top-level domains mistyped for common ones: "163.con" means 163.com. */
export const tldTypos: Readonly<Record<string, string>> = {
  con: 'com', cmo: 'com', ocm: 'com', vom: 'com', xom: 'com', cpm: 'com', comm: 'com', coom: 'com', c0m: 'com', om: 'com', cim: 'com', col: 'com',
  nte: 'net', ent: 'net', nett: 'net', met: 'net', ogr: 'org', rog: 'org', orgg: 'org', cnn: 'cn',
};
