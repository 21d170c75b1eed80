/**
 * Nickname groups: the formal name first, then its common short forms. A name
 * may sit in several groups (Al: Albert, Alfred, Alan, Alexander), so two
 * names agree at the nickname level when they share any group.
 */
const GROUPS: string[][] = [
  ['robert', 'bob', 'bobby', 'rob', 'robbie', 'bert', 'robin'],
  ['william', 'bill', 'billy', 'will', 'willy', 'willie', 'liam'],
  ['elizabeth', 'liz', 'lizzie', 'beth', 'betty', 'bess', 'eliza', 'elisabeth', 'lisa', 'libby', 'betsy'],
  ['margaret', 'maggie', 'meg', 'peggy', 'marge', 'margie', 'greta', 'madge', 'maisie'],
  ['katherine', 'kate', 'kathy', 'katie', 'kath', 'catherine', 'cathy', 'kitty', 'kathryn', 'kat'],
  ['richard', 'rick', 'ricky', 'dick', 'rich', 'richie'],
  ['james', 'jim', 'jimmy', 'jamie', 'jem'],
  ['john', 'jack', 'johnny', 'jon', 'jonny'],
  ['jonathan', 'jon', 'jonny', 'nathan'],
  ['michael', 'mike', 'mick', 'mickey', 'mikey', 'micky'],
  ['thomas', 'tom', 'tommy', 'thom'],
  ['charles', 'charlie', 'chuck', 'chas', 'chaz', 'carl'],
  ['joseph', 'joe', 'joey', 'jo'],
  ['edward', 'ed', 'eddie', 'ted', 'teddy', 'ned'],
  ['edmund', 'ed', 'eddie', 'ned'],
  ['anthony', 'tony', 'ant'],
  ['daniel', 'dan', 'danny'],
  ['matthew', 'matt', 'matty'],
  ['christopher', 'chris', 'kit', 'topher'],
  ['christine', 'chris', 'chrissy', 'tina', 'christina', 'kristina', 'kristine'],
  ['andrew', 'andy', 'drew'],
  ['alexander', 'alex', 'al', 'sandy', 'xander', 'alec', 'lex'],
  ['alexandra', 'alex', 'lexi', 'sandra', 'sandy', 'alexa'],
  ['albert', 'al', 'bert', 'albie'],
  ['alfred', 'al', 'alf', 'alfie', 'fred'],
  ['alan', 'al', 'allan', 'allen'],
  ['frederick', 'fred', 'freddie', 'freddy', 'fritz'],
  ['benjamin', 'ben', 'benny', 'benji'],
  ['samuel', 'sam', 'sammy'],
  ['samantha', 'sam', 'sammy'],
  ['nicholas', 'nick', 'nicky', 'nico', 'klaus'],
  ['patrick', 'pat', 'paddy'],
  ['patricia', 'pat', 'patty', 'trish', 'tricia', 'patsy'],
  ['peter', 'pete'],
  ['steven', 'steve', 'stephen', 'stevie'],
  ['timothy', 'tim', 'timmy'],
  ['gregory', 'greg'],
  ['jeffrey', 'jeff', 'geoffrey', 'geoff'],
  ['kenneth', 'ken', 'kenny'],
  ['ronald', 'ron', 'ronnie'],
  ['donald', 'don', 'donnie'],
  ['raymond', 'ray'],
  ['lawrence', 'larry', 'laurence', 'laurie'],
  ['leonard', 'leo', 'len', 'lenny'],
  ['henry', 'harry', 'hank', 'hal'],
  ['harold', 'harry', 'hal'],
  ['david', 'dave', 'davey', 'davy'],
  ['douglas', 'doug'],
  ['gerald', 'gerry', 'jerry'],
  ['jennifer', 'jen', 'jenny', 'jenn'],
  ['jessica', 'jess', 'jessie'],
  ['susan', 'sue', 'susie', 'suzy', 'suzanne'],
  ['deborah', 'deb', 'debbie', 'debra'],
  ['rebecca', 'becky', 'becca', 'bec'],
  ['victoria', 'vicky', 'vicki', 'tori'],
  ['barbara', 'barb', 'barbie', 'babs'],
  ['dorothy', 'dot', 'dottie', 'dora'],
  ['abigail', 'abby', 'abbie', 'gail'],
  ['pamela', 'pam'],
  ['kimberly', 'kim'],
  ['cynthia', 'cindy'],
  ['judith', 'judy', 'jude'],
  ['theresa', 'terry', 'tess', 'tessa', 'teresa'],
  ['mary', 'molly', 'polly', 'mae', 'mamie', 'maria', 'marie'],
  ['anne', 'ann', 'annie', 'anna', 'nancy', 'hannah'],
  ['sarah', 'sara', 'sally', 'sadie'],
  ['eleanor', 'ellie', 'nell', 'nora', 'elly', 'elle'],
  ['helen', 'nell', 'nellie', 'ellen'],
  ['louise', 'lou', 'lulu', 'louisa'],
  ['louis', 'lou', 'lew', 'lewis', 'luis'],
  ['zachary', 'zach', 'zack'],
  ['joshua', 'josh'],
  ['nathaniel', 'nate', 'nat', 'nathan'],
  ['vincent', 'vince', 'vin', 'vinny'],
  ['walter', 'walt', 'wally'],
  ['francis', 'frank', 'fran', 'frankie'],
  ['frances', 'fran', 'fanny', 'frankie'],
  ['eugene', 'gene'],
  ['philip', 'phil', 'phillip', 'pip'],
  ['stanley', 'stan'],
  ['terence', 'terry', 'terrence'],
  ['oliver', 'ollie', 'olly'],
  ['olivia', 'liv', 'livvy', 'ollie'],
  ['isabella', 'bella', 'izzy', 'isabel', 'isobel'],
  ['jacob', 'jake', 'jakob'],
  ['johann', 'hans', 'johannes', 'jo'],
  ['giuseppe', 'beppe', 'pino'],
  ['francesco', 'franco', 'checco'],
  ['alejandro', 'alex', 'ale'],
  ['jose', 'pepe', 'chepe'],
  ['francisco', 'paco', 'pancho', 'curro'],
  ['manuel', 'manolo', 'manu'],
  ['guillermo', 'memo', 'guille'],
  ['dmitry', 'dima', 'dmitri'],
  ['aleksandr', 'sasha', 'sacha', 'shura'],
  ['ivan', 'vanya'],
  ['yekaterina', 'katya', 'ekaterina'],
];

const INDEX = new Map<string, number[]>();
GROUPS.forEach((group, gi) => {
  for (const name of group) {
    const list = INDEX.get(name);
    if (list) list.push(gi);
    else INDEX.set(name, [gi]);
  }
});

/** Group ids a (folded) given name belongs to; empty when it is in no group. */
export function nicknameGroups(name: string): readonly number[] {
  return INDEX.get(name) ?? EMPTY;
}
const EMPTY: readonly number[] = [];

export function sameNicknameGroup(a: readonly number[], b: readonly number[]): boolean {
  for (const x of a) for (const y of b) if (x === y) return true;
  return false;
}
