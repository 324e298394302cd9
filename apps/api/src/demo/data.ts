/**
 * The demo business, Crumb & Co., a neighbourhood bakery: who works there, where customers meet it,
 * who its customers are and the words they use. Pure data; the seeders add chance and dates.
 */

export const DEMO_SEED = 20_240_601;

export const BUSINESS_NAME = 'Crumb & Co.';
/** The name the workspace carries while it is being seeded: a run that stopped half-way shows it. */
export const BUSINESS_NAME_WHILE_SEEDING = 'Crumb & Co. (demo being set up)';

export interface DemoMember {
  key: 'owner' | 'staff';
  name: string;
  email: string;
  password: string;
}

export const OWNER: DemoMember = {
  key: 'owner',
  name: 'Maya Baker',
  email: 'maya@crumbandco.example',
  password: 'crumb-demo-owner',
};

export const STAFF: DemoMember = {
  key: 'staff',
  name: 'Leo Fournier',
  email: 'leo@crumbandco.example',
  password: 'crumb-demo-staff',
};

export type TouchpointKey = 'instagram' | 'website' | 'phone' | 'counter' | 'delivery' | 'invoice';

export interface DemoTouchpoint {
  key: TouchpointKey;
  name: string;
  channel: 'WEB' | 'PHONE' | 'EMAIL' | 'STORE' | 'SOCIAL' | 'OTHER';
  stage: 'DISCOVER' | 'BUY' | 'USE' | 'BILLING';
  description: string;
  momentOfTruth: boolean;
}

export const TOUCHPOINTS: DemoTouchpoint[] = [
  {
    key: 'instagram',
    name: 'Instagram',
    channel: 'SOCIAL',
    stage: 'DISCOVER',
    description: 'Daily bakes and the weekend specials; questions arrive as direct messages.',
    momentOfTruth: false,
  },
  {
    key: 'website',
    name: 'Website order form',
    channel: 'WEB',
    stage: 'BUY',
    description: 'Celebration cakes and catering trays, ordered at least 48 hours ahead.',
    momentOfTruth: false,
  },
  {
    key: 'phone',
    name: 'Phone line',
    channel: 'PHONE',
    stage: 'BUY',
    description: 'Orders, changes and questions; the shop phone rings at the counter.',
    momentOfTruth: false,
  },
  {
    key: 'counter',
    name: 'Shop counter',
    channel: 'STORE',
    stage: 'BUY',
    description: 'Walk-in sales, order pick-ups and tastings, 7:00–18:00; the Saturday rush is 9–12.',
    momentOfTruth: true,
  },
  {
    key: 'delivery',
    name: 'Delivery',
    channel: 'OTHER',
    stage: 'USE',
    description: 'Cakes and wholesale bread delivered by our van, in two-hour slots.',
    momentOfTruth: true,
  },
  {
    key: 'invoice',
    name: 'Invoice & billing',
    channel: 'EMAIL',
    stage: 'BILLING',
    description: 'Emailed invoices for catering and wholesale accounts, 14 days to pay.',
    momentOfTruth: false,
  },
];

/**
 * How a customer's six months went, which decides their contacts, their mood and so their health:
 * loyal (kept in touch, happy), regular (mostly buying, check-in overdue), drifting (contact lapsed,
 * recent trouble), new (first orders in the last weeks).
 */
export type Persona = 'loyal' | 'regular' | 'drifting' | 'new';

export interface DemoCustomer {
  name: string;
  company?: string;
  tags: string[];
  facts: [string, string][];
  owner: 'owner' | 'staff' | null;
  cadenceDays?: number;
  persona: Persona;
  notes?: string;
  /** Wholesale and catering accounts order by the week. */
  business?: boolean;
}

export const CUSTOMERS: DemoCustomer[] = [
  {
    name: 'Hannah Okafor',
    company: 'Bean There Café',
    tags: ['wholesale', 'vip'],
    facts: [
      ['Orders', 'Sourdough and croissants, Monday and Thursday'],
      ['Goal', 'Opening a second café in the spring'],
    ],
    owner: 'owner',
    cadenceDays: 14,
    persona: 'loyal',
    business: true,
    notes: 'Our first wholesale account. Pays on time; likes to try new bakes before we launch them.',
  },
  {
    name: 'Tom Eriksen',
    tags: ['regular', 'sourdough'],
    facts: [
      ['Favourite', 'Seeded rye, sliced'],
      ['Family', 'Two boys, Elias (7) and Noah (4)'],
    ],
    owner: 'staff',
    persona: 'loyal',
  },
  {
    name: 'Priya Shah',
    tags: ['birthday', 'gluten-free'],
    facts: [
      ['Allergies', 'Coeliac: gluten-free only, separate box'],
      ['Important date', "Daughter's birthday, 14 March"],
    ],
    owner: 'owner',
    persona: 'loyal',
  },
  {
    name: 'Daniel Moreau',
    company: 'Northside Dental',
    tags: ['office', 'catering'],
    facts: [['Prefers', 'Invoice to accounts@, PO number on every invoice']],
    owner: 'staff',
    cadenceDays: 45,
    persona: 'drifting',
    business: true,
    notes: 'Friday breakfast trays for 12. Invoice mix-up in the summer.',
  },
  {
    name: 'Grace Lindqvist',
    tags: ['weddings'],
    facts: [
      ['Important date', 'Wedding on 21 September'],
      ['Prefers', 'WhatsApp over email'],
    ],
    owner: 'owner',
    persona: 'loyal',
  },
  {
    name: 'Marcus Bell',
    tags: ['regular'],
    facts: [['Favourite', 'Almond croissant and a flat white, every morning']],
    owner: 'staff',
    persona: 'regular',
  },
  {
    name: 'Sofia Romano',
    company: 'Harbour Events',
    tags: ['catering', 'weddings', 'vip'],
    facts: [
      ['Goal', 'Wants one bakery for all her events next year'],
      ['Prefers', 'Tastings on Tuesday afternoons'],
    ],
    owner: 'owner',
    cadenceDays: 21,
    persona: 'regular',
    business: true,
  },
  {
    name: 'Aisha Bello',
    tags: ['birthday'],
    facts: [['Family', 'Twins turning 5 in the autumn']],
    owner: 'staff',
    persona: 'drifting',
  },
  {
    name: 'Oliver Grant',
    tags: ['regular', 'sourdough'],
    facts: [['Favourite', 'Country loaf, well baked']],
    owner: 'owner',
    persona: 'loyal',
  },
  {
    name: 'Mei Chen',
    company: 'Little Oaks Nursery',
    tags: ['wholesale', 'office'],
    facts: [
      ['Allergies', 'Nut-free kitchen: no nuts in anything we send'],
      ['Orders', 'Fruit buns for 40 children, Wednesdays'],
    ],
    owner: 'staff',
    cadenceDays: 30,
    persona: 'regular',
    business: true,
  },
  {
    name: 'Lukas Weber',
    tags: ['regular'],
    facts: [['Prefers', 'Pays by card, always in a hurry before 8:00']],
    owner: 'staff',
    persona: 'regular',
  },
  {
    name: 'Fatima Haddad',
    tags: ['birthday', 'vegan'],
    facts: [
      ['Diet', 'Vegan'],
      ['Important date', 'Her own birthday, 2 November'],
    ],
    owner: 'owner',
    persona: 'regular',
  },
  {
    name: 'James Whitfield',
    company: 'Greenleaf Co-working',
    tags: ['office', 'catering'],
    facts: [['Orders', 'Monthly members’ breakfast, about 60 people']],
    owner: 'owner',
    cadenceDays: 30,
    persona: 'drifting',
    business: true,
    notes: 'Was let down by a late delivery in the spring; keep an eye on this one.',
  },
  {
    name: 'Ingrid Larsen',
    tags: ['regular', 'sourdough'],
    facts: [['Goal', 'Learning to bake sourdough herself; loves tips']],
    owner: 'staff',
    persona: 'loyal',
  },
  {
    name: 'Carlos Mendes',
    tags: ['birthday'],
    facts: [['Family', 'Daughter Lucia, 10']],
    owner: 'staff',
    persona: 'regular',
  },
  {
    name: 'Emily Clarke',
    tags: ['weddings'],
    facts: [['Important date', 'Anniversary on 8 June: orders the same cake every year']],
    owner: 'owner',
    persona: 'loyal',
  },
  {
    name: 'Yusuf Demir',
    company: 'Demir Grocers',
    tags: ['wholesale'],
    facts: [['Orders', 'Pide and simit, daily at 6:30']],
    owner: 'owner',
    cadenceDays: 14,
    persona: 'regular',
    business: true,
  },
  {
    name: 'Chloe Dubois',
    tags: ['regular', 'gluten-free'],
    facts: [['Allergies', 'Gluten intolerant']],
    owner: 'staff',
    persona: 'drifting',
  },
  {
    name: 'Benjamin Adler',
    tags: ['regular'],
    facts: [['Favourite', 'Cinnamon buns on Saturday morning']],
    owner: null,
    persona: 'regular',
  },
  {
    name: 'Nora Fitzgerald',
    tags: ['birthday', 'vip'],
    facts: [
      ['Family', 'Grandmother of six; orders for every grandchild'],
      ['Prefers', 'Calls rather than the website'],
    ],
    owner: 'owner',
    persona: 'loyal',
  },
  {
    name: 'Kenji Watanabe',
    tags: ['regular', 'sourdough'],
    facts: [['Favourite', 'Milk bread and melon pan on Fridays']],
    owner: 'staff',
    persona: 'loyal',
  },
  {
    name: 'Olivia Brooks',
    tags: ['birthday'],
    facts: [],
    owner: null,
    persona: 'new',
  },
  {
    name: 'Samuel Osei',
    company: 'Osei & Partners',
    tags: ['office'],
    facts: [['Prefers', 'Orders through his assistant, Jade']],
    owner: 'owner',
    cadenceDays: 60,
    persona: 'regular',
    business: true,
  },
  {
    name: 'Lena Novak',
    tags: ['vegan'],
    facts: [['Diet', 'Vegan; asks about every ingredient']],
    owner: 'staff',
    persona: 'drifting',
  },
  {
    name: 'Rafael Torres',
    tags: ['regular'],
    facts: [],
    owner: 'staff',
    persona: 'new',
  },
  {
    name: 'Charlotte Evans',
    tags: ['weddings', 'catering'],
    facts: [['Important date', "Son's wedding, next June"]],
    owner: 'owner',
    persona: 'loyal',
  },
  {
    name: 'Ahmed Karim',
    tags: ['regular'],
    facts: [['Favourite', 'Baklava-style pastries at the end of the week']],
    owner: 'staff',
    persona: 'regular',
  },
  {
    name: 'Zoe Papadopoulos',
    tags: ['birthday'],
    facts: [['Family', 'Big family lunches on Sundays']],
    owner: 'owner',
    persona: 'regular',
  },
  {
    name: 'William Hughes',
    tags: ['regular'],
    facts: [['Prefers', 'Retired; likes a chat at the counter']],
    owner: 'staff',
    cadenceDays: 60,
    persona: 'loyal',
  },
  {
    name: 'Anna Kowalski',
    company: 'Kowalski Flowers',
    tags: ['weddings'],
    facts: [['Goal', 'Sending us couples: wants a referral arrangement']],
    owner: 'owner',
    cadenceDays: 30,
    persona: 'loyal',
    business: true,
  },
  {
    name: 'Peter Schmidt',
    tags: ['regular'],
    facts: [],
    owner: null,
    persona: 'drifting',
  },
  {
    name: 'Isabella Ricci',
    tags: ['birthday', 'gluten-free'],
    facts: [['Allergies', 'Son is coeliac']],
    owner: 'staff',
    persona: 'regular',
  },
  {
    name: 'David Levi',
    tags: ['regular', 'sourdough'],
    facts: [['Favourite', 'Challah on Fridays, two loaves']],
    owner: 'owner',
    persona: 'loyal',
  },
  {
    name: 'Ruth Abernathy',
    tags: ['catering'],
    facts: [['Goal', 'Organises the street party every July']],
    owner: 'owner',
    persona: 'new',
  },
  {
    name: 'Mohammed Al-Sayed',
    tags: ['regular'],
    facts: [['Prefers', 'Orders by phone on his way home']],
    owner: 'staff',
    persona: 'regular',
  },
  {
    name: 'Julia Berg',
    tags: ['birthday'],
    facts: [['Important date', 'Office birthday cake, first Friday of the month']],
    owner: 'staff',
    persona: 'drifting',
  },
  {
    name: 'Victor Nguyen',
    company: 'Pho Corner',
    tags: ['wholesale'],
    facts: [['Orders', 'Baguettes for bánh mì, 50 a day']],
    owner: 'owner',
    cadenceDays: 14,
    persona: 'loyal',
    business: true,
  },
  {
    name: 'Ella Martin',
    tags: ['regular'],
    facts: [],
    owner: null,
    persona: 'new',
  },
  {
    name: 'Hugo Lambert',
    tags: ['regular', 'vip'],
    facts: [['Family', 'Wife Claire; golden wedding anniversary in May']],
    owner: 'owner',
    persona: 'regular',
  },
  {
    name: 'Amara Nwosu',
    tags: ['birthday', 'vegan'],
    facts: [['Diet', 'Vegan household']],
    owner: 'staff',
    persona: 'loyal',
  },
];

/** A sample phone number, from the customer's place in the list. */
export const phoneOf = (index: number) => `+44 20 7946 ${String(1000 + index * 37).slice(-4)}`;
/** A sample email address in the reserved `.example` domain. */
export function emailOf(customer: DemoCustomer): string {
  const local = customer.name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.');
  const domain = customer.company
    ? `${customer.company.toLowerCase().replace(/[^a-z]/g, '')}.example`
    : 'mail.example';
  return `${local}@${domain}`;
}

export const PRODUCTS = [
  'a sourdough loaf and two baguettes',
  'a dozen cinnamon buns',
  'a lemon drizzle cake',
  'six almond croissants',
  'a chocolate fudge birthday cake',
  'a seeded rye and a focaccia',
  'a box of macarons',
  'a carrot cake for 12',
  'a tray of brownies',
  'a gluten-free banana loaf',
  'a vegan chocolate cake',
  'a Victoria sponge',
  'a dozen mixed pastries',
];

export const BUSINESS_ORDERS = [
  'Weekly order: 20 sourdough, 30 baguettes',
  'Breakfast tray for 12: pastries and fruit',
  'Standing order raised to 40 rolls a day',
  'Catering for a team lunch, 25 people',
  'Extra croissants for the weekend',
  'Monthly order confirmed for the next quarter',
];

export const SALES_TEMPLATES = [
  'Ordered {product}',
  'Picked up {product}',
  'Ordered {product} for the weekend',
  'Asked for {product}, paid in full',
  'Ordered {product} for a family lunch',
];

export const SERVICE_TEXTS: Record<'counter' | 'phone' | 'delivery' | 'website', string[]> = {
  counter: [
    'Collected a pre-order at the counter',
    'Changed the inscription on a cake at pick-up',
    'Asked for slicing and a gift box',
    'Swapped a loaf that was too dark',
  ],
  phone: [
    'Called to move a pick-up to Saturday',
    'Asked about ingredients for an allergy',
    'Called to add candles to an order',
    'Confirmed a delivery address by phone',
  ],
  delivery: [
    'Cake delivered for the party',
    'Wholesale delivery, signed for by the manager',
    'Delivered the catering trays on time',
    'Delivery rescheduled at their request',
  ],
  website: [
    'Changed a web order: extra candles, different message',
    'Asked how to pick a delivery slot online',
    'Updated a web order to gluten-free',
  ],
};

export const SUPPORT_TEXTS = [
  'Invoice query: asked for a PO number to be added',
  'Card charged twice; refunded the duplicate',
  'Asked for a VAT receipt for last month',
  'Wrong amount on the invoice; sent a corrected one',
];

export const RELATIONSHIP_TEXTS = [
  'Thank-you call after the party: the kids loved the cake',
  'Sent a card for their anniversary',
  'Shared our new gluten-free range before launch',
  'Asked how the new café is going; offered a tasting of our new rye',
  'Saved them a loaf of the weekend special, no charge',
  'Chatted about their plans for the summer; noted the dates',
  'Sent a recipe tip for their own sourdough starter',
  'Invited them to the autumn tasting evening',
  'Checked in after a quiet month: all fine, just travelling',
  'Congratulated them on the new shop opening',
  'Dropped off a few samples of the new pastries',
  'Birthday greeting with a voucher for a coffee and a bun',
];

export const RELATIONSHIP_CHANNELS = ['PHONE', 'EMAIL', 'STORE', 'SOCIAL'] as const;

/** What went wrong, where: friction notes of bad contacts, by touchpoint. */
export const FRICTION_NOTES: Record<TouchpointKey, string[]> = {
  instagram: ['Direct message unanswered for two days'],
  website: ['Website did not offer a delivery slot', 'Order confirmation email never arrived'],
  phone: ['Phone rang out twice before someone answered', 'Put on hold for ten minutes'],
  counter: [
    'Waited 15 minutes in the Saturday queue',
    'Sold out of the gluten-free loaf by 10:00',
    'Pre-order not ready at the agreed time',
  ],
  delivery: ['Delivery arrived 40 minutes after the slot', 'Cake box crushed on one side'],
  invoice: ['Invoice missing the PO number again', 'Charged for a box they did not take'],
};

/** How a bad contact is summed up, by touchpoint. */
export const NEGATIVE_SUMMARIES: Record<TouchpointKey, string[]> = {
  instagram: ['Complained in a DM that nobody replied'],
  website: ['Could not finish the web order; called instead'],
  phone: ['Unhappy that nobody picked up'],
  counter: ['Unhappy with the wait at the counter', 'Disappointed: the order was not ready at pick-up time'],
  delivery: ['Complained about a late delivery', 'Cake arrived damaged; replaced it'],
  invoice: ['Frustrated about an invoice error'],
};

export const NPS_COMMENTS = {
  promoter: [
    'Best sourdough in town, and they know my name.',
    'Always friendly, and the cakes are stunning.',
    'They remembered my daughter is coeliac without me asking.',
    'Reliable every single week.',
    '',
    '',
  ],
  passive: ['Good bread, a bit pricey.', 'Fine, but the queue on Saturdays is long.', '', ''],
  detractor: [
    'The delivery was late for our event and nobody called.',
    'Invoices are wrong more often than not.',
    'Order was not ready when I came to collect it.',
    'Used to be great; lately it feels rushed.',
  ],
};

export const CES_COMMENTS = {
  easy: ['Took two minutes.', 'Very easy, loved the slot picker.', ''],
  hard: ['Could not find where to choose the delivery time.', 'Had to phone in the end.'],
};

export const CSAT_COMMENTS = {
  happy: ['Lovely staff!', 'Fresh and warm, thank you.', 'Great coffee too.', '', '', ''],
  meh: ['Queue was long.', 'Ran out of croissants.', ''],
  unhappy: [
    'Waited 20 minutes on Saturday.',
    'Nobody at the till for ages.',
    'Card machine was down, had to find cash.',
    'My pre-order was not ready.',
    '',
  ],
};

/** The scenario both audit rounds walk, so their consistency can be compared. */
export const AUDIT_SCENARIO =
  'Order a celebration cake for a Saturday party: order it on the website, call to change the inscription, ' +
  'taste and pay the deposit at the counter, have it delivered, settle the emailed invoice.';
export const AUDIT_STEPS: TouchpointKey[] = ['website', 'phone', 'counter', 'delivery', 'invoice'];

export interface DemoObservation {
  step: TouchpointKey;
  expected: string;
  experienced: string;
  surprise: 'NONE' | 'DELIGHT' | 'LETDOWN';
  friction: number;
  ratings: [accuracy: number, availability: number, partnership: number, advice: number];
  wouldReturn: boolean;
  notes?: string;
}

/** Round 1, run by the owner herself: the website and the phone let her down. */
export const AUDIT_ROUND_1: DemoObservation[] = [
  {
    step: 'website',
    expected: 'Pick a delivery slot while ordering',
    experienced: 'No way to choose a delivery slot; the form only says "we will be in touch"',
    surprise: 'LETDOWN',
    friction: 2,
    ratings: [3, 3, 3, 3],
    wouldReturn: false,
  },
  {
    step: 'phone',
    expected: 'Someone answers within a few rings',
    experienced: 'Rang out at 11:05 during the rush; called back after 40 minutes',
    surprise: 'LETDOWN',
    friction: 2,
    ratings: [4, 2, 3, 4],
    wouldReturn: true,
  },
  {
    step: 'counter',
    expected: 'A quick tasting and a receipt for the deposit',
    experienced: 'Leo offered three sponges to taste and explained the fillings; lovely',
    surprise: 'DELIGHT',
    friction: 0,
    ratings: [5, 5, 5, 5],
    wouldReturn: true,
  },
  {
    step: 'delivery',
    expected: 'Delivered within the two-hour slot',
    experienced: 'Arrived on time; the driver called ten minutes ahead',
    surprise: 'NONE',
    friction: 0,
    ratings: [5, 4, 4, 4],
    wouldReturn: true,
  },
  {
    step: 'invoice',
    expected: 'Invoice matching the quote, deposit deducted',
    experienced: 'The deposit was not deducted; had to email to get it corrected',
    surprise: 'LETDOWN',
    friction: 1,
    ratings: [2, 4, 3, 3],
    wouldReturn: true,
  },
];

/** Round 2, a secret shopper through a link: website and invoice fixed, delivery slipped. */
export const AUDIT_ROUND_2: DemoObservation[] = [
  {
    step: 'website',
    expected: 'Pick a delivery slot while ordering',
    experienced: 'Chose a 10–12 slot right in the form; confirmation email came at once',
    surprise: 'DELIGHT',
    friction: 0,
    ratings: [5, 4, 4, 4],
    wouldReturn: true,
  },
  {
    step: 'phone',
    expected: 'Someone answers within a few rings',
    experienced: 'Voicemail at 11:20, called back within the hour as promised',
    surprise: 'NONE',
    friction: 1,
    ratings: [4, 3, 4, 4],
    wouldReturn: true,
  },
  {
    step: 'counter',
    expected: 'A quick tasting and a receipt for the deposit',
    experienced: 'Busy, but Maya still found time for a tasting; receipt emailed',
    surprise: 'NONE',
    friction: 0,
    ratings: [5, 4, 5, 5],
    wouldReturn: true,
  },
  {
    step: 'delivery',
    expected: 'Delivered within the two-hour slot',
    experienced: 'Cake arrived 45 minutes after the slot, no call; party already started',
    surprise: 'LETDOWN',
    friction: 2,
    ratings: [3, 2, 2, 3],
    wouldReturn: false,
    notes: 'The van had three deliveries in the same slot.',
  },
  {
    step: 'invoice',
    expected: 'Invoice matching the quote, deposit deducted',
    experienced: 'Correct invoice with the deposit shown; pay link worked',
    surprise: 'NONE',
    friction: 0,
    ratings: [5, 4, 4, 4],
    wouldReturn: true,
  },
];
