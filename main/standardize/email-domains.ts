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
] as const;

/** Top-level domains mistyped for common ones: "163.con" means 163.com. */
export const tldTypos: Readonly<Record<string, string>> = {
  con: 'com', cmo: 'com', ocm: 'com', vom: 'com', xom: 'com', cpm: 'com', comm: 'com', coom: 'com', c0m: 'com', om: 'com', cim: 'com', col: 'com',
  nte: 'net', ent: 'net', nett: 'net', met: 'net', ogr: 'org', rog: 'org', orgg: 'org', cnn: 'cn',
};
