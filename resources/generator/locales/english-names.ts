import { nicknameTable } from './locale-data.ts';

/** Familiar forms shared by the US and UK tables; formal names are listed in both name lists. */
export const englishNicknames = nicknameTable(`
Robert: Bob, Rob, Bobby; William: Bill, Will, Billy; Elizabeth: Liz, Beth, Betty; Katherine: Kate, Kathy, Katie;
Catherine: Cathy, Kate; James: Jim, Jimmy, Jamie; John: Jack, Johnny; Michael: Mike, Mick; Richard: Rick, Dick, Rich;
Thomas: Tom, Tommy; Joseph: Joe, Joey; Charles: Charlie, Chuck; Margaret: Maggie, Peggy, Meg; Jennifer: Jenny, Jen;
Christopher: Chris; Daniel: Dan, Danny; Matthew: Matt; Anthony: Tony; Patricia: Pat, Patty, Trish; Susan: Sue, Susie;
Deborah: Debbie, Deb; Rebecca: Becky; Samuel: Sam; Alexander: Alex; Nicholas: Nick; Edward: Ed, Ted, Eddie;
Benjamin: Ben; Andrew: Andy, Drew; Jonathan: Jon; Steven: Steve; Stephen: Steve; Timothy: Tim; Victoria: Vicky, Tori;
Jessica: Jess, Jessie; Kimberly: Kim; Christine: Chris, Tina; Pamela: Pam; Kathleen: Kathy; Gregory: Greg;
Kenneth: Ken, Kenny; Donald: Don; Ronald: Ron; Raymond: Ray; Lawrence: Larry; Gerald: Jerry; Jeffrey: Jeff;
Douglas: Doug; Peter: Pete; Judith: Judy; Dorothy: Dot, Dottie; Abigail: Abby; Samantha: Sam; Amanda: Mandy;
Zachary: Zach; Joshua: Josh; Nathan: Nate; Henry: Harry, Hank; Walter: Walt; Philip: Phil; Bradley: Brad;
Eugene: Gene; Albert: Al, Bert; Theresa: Terry, Tess; Jacqueline: Jackie; Cynthia: Cindy; Sandra: Sandy;
Barbara: Barb; Natalie: Nat; Beverly: Bev; Frederick: Fred, Freddie; Eleanor: Ellie, Nell; Harriet: Hattie;
Gareth: Gaz; Alison: Ali; Nicola: Nicky; Joanne: Jo; Graham: Gray; Oliver: Ollie; Archibald: Archie
`);
