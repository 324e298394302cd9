import type { Channel, InteractionPurpose, JourneyStage } from '@rapport/domain';

/** Words the generators draw from: pure data, no chance. */

export const FIRST_NAMES = [
  'Ada',
  'Ben',
  'Chloé',
  'Dev',
  'Elif',
  'Femi',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Kemal',
  'Lena',
  'Mateo',
  'Nadia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sami',
  'Tara',
  'Umar',
  'Vera',
  'Wen',
  'Xavier',
  'Yara',
  'Zoltan',
  'Amélie',
  'Bruno',
  'Carla',
  'Dmitri',
  'Eva',
  'Farah',
  'Gus',
  'Hana',
  'Ivo',
  'June',
  'Kofi',
  'Lior',
  'Mira',
  'Noor',
];

export const LAST_NAMES = [
  'Abara',
  'Becker',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Hansen',
  'Ivanova',
  'Jansen',
  'Kowalski',
  'Larsen',
  'Moreau',
  'Novak',
  "O'Brien",
  'Petrov',
  'Quintero',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Ulloa',
  'Varga',
  'Weber',
  'Xu',
  'Yilmaz',
  'Zhang',
  'Nakamura',
  'Okafor',
  'Lindqvist',
  'Mendes',
];

export const COMPANY_WORDS = [
  'Café',
  'Deli',
  'Catering',
  'Hotel',
  'Office',
  'Studio',
  'Events',
  'Bistro',
  'School',
];

export const TAGS = [
  'wholesale',
  'catering',
  'regular',
  'vip',
  'gluten-free',
  'office',
  'events',
  'subscription',
];

export const CADENCES = [7, 14, 30, 60, 90];

export const TOUCHPOINTS: { name: string; channel: Channel; stage: JourneyStage; momentOfTruth?: boolean }[] =
  [
    { name: 'Instagram', channel: 'SOCIAL', stage: 'DISCOVER' },
    { name: 'Google reviews', channel: 'WEB', stage: 'DISCOVER' },
    { name: 'Shop window', channel: 'STORE', stage: 'DISCOVER' },
    { name: 'Farmers market stall', channel: 'EVENT', stage: 'DISCOVER' },
    { name: 'Newsletter', channel: 'EMAIL', stage: 'DISCOVER' },
    { name: 'Website', channel: 'WEB', stage: 'BUY' },
    { name: 'Online cake order form', channel: 'WEB', stage: 'BUY', momentOfTruth: true },
    { name: 'Phone orders', channel: 'PHONE', stage: 'BUY' },
    { name: 'Counter, High Street', channel: 'STORE', stage: 'BUY', momentOfTruth: true },
    { name: 'Counter, Station Road', channel: 'STORE', stage: 'BUY' },
    { name: 'Counter, Harbour', channel: 'STORE', stage: 'BUY' },
    { name: 'Catering quote', channel: 'EMAIL', stage: 'BUY' },
    { name: 'Wholesale account set-up', channel: 'OFFICE', stage: 'ONBOARD' },
    { name: 'Loyalty card sign-up', channel: 'STORE', stage: 'ONBOARD' },
    { name: 'Welcome email', channel: 'EMAIL', stage: 'ONBOARD' },
    { name: 'Tasting session', channel: 'EVENT', stage: 'ONBOARD' },
    { name: 'Morning delivery', channel: 'OTHER', stage: 'USE', momentOfTruth: true },
    { name: 'Click and collect', channel: 'STORE', stage: 'USE' },
    { name: 'Café seating', channel: 'STORE', stage: 'USE' },
    { name: 'Baking class', channel: 'EVENT', stage: 'USE' },
    { name: 'Subscription box', channel: 'MAIL', stage: 'USE' },
    { name: 'Support inbox', channel: 'EMAIL', stage: 'SUPPORT' },
    { name: 'Support line', channel: 'PHONE', stage: 'SUPPORT' },
    { name: 'Social media DMs', channel: 'SOCIAL', stage: 'SUPPORT' },
    { name: 'Allergy questions', channel: 'PHONE', stage: 'SUPPORT', momentOfTruth: true },
    { name: 'Invoices', channel: 'EMAIL', stage: 'BILLING' },
    { name: 'Card payments', channel: 'STORE', stage: 'BILLING' },
    { name: 'Monthly statements', channel: 'MAIL', stage: 'BILLING' },
    { name: 'Returns and refunds', channel: 'STORE', stage: 'RETURN' },
    { name: 'Win-back offers', channel: 'EMAIL', stage: 'RETURN' },
  ];

export const SUMMARIES: Record<InteractionPurpose, string[]> = {
  SALES: [
    'Ordered a celebration cake',
    'Placed the weekly bread order',
    'Asked for a catering quote',
    'Bought a box of pastries',
    'Upgraded the subscription box',
  ],
  SERVICE: [
    'Collected a pre-order',
    'Changed the delivery slot',
    'Asked about ingredients',
    'Updated the billing address',
  ],
  SUPPORT: [
    'Delivery arrived late',
    'Wrong item in the order',
    'Card payment failed twice',
    'Cake damaged on the way',
  ],
  RELATIONSHIP: [
    'Quarterly check-in call',
    'Thanked them for ten years of orders',
    'Invited them to the tasting evening',
    'Chatted about their new café',
    'Birthday note with a voucher',
  ],
};

export const FRICTION_NOTES = [
  'Had to call twice to get through',
  'The order form lost the allergy note',
  'Invoice did not match the order',
  'Queue at the counter took 20 minutes',
  'Delivery window was missed',
];

export const RESOLUTIONS = [
  'Process changed and the team briefed',
  'Refunded and apologised',
  'Fixed in the order form',
  'New supplier for the boxes',
  'Extra staff on Saturday mornings',
];

export const SKIP_REASONS = ['Customer on holiday', 'Closed for renovation', 'Spoke at the counter instead'];

export const AUDIT_SCENARIOS = [
  'Order a birthday cake for Saturday',
  'Ask about a gluten-free range for a café',
  'Set up a wholesale account',
  'Return a damaged order',
  'Book a tasting for a wedding',
];

export const EXPERIENCES = {
  good: ['Friendly and quick', 'Clear answer straight away', 'Exactly as promised', 'Went the extra mile'],
  bad: ['Waited a long time', 'Nobody could answer', 'Conflicting information', 'Form rejected the order'],
};

export const FEEDBACK_COMMENTS = {
  low: [
    'The delivery was late again',
    'Nobody called back',
    'Too expensive for what it is',
    'Order was wrong',
  ],
  high: ['Lovely sourdough', 'Always friendly', 'Best croissants in town', 'Quick and easy'],
};

export const AUDITORS = ['Mystery Shopper Ltd', 'Field Audit Co.', 'Jo Inspector', 'Sam Visitor'];
