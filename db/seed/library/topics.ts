/**
 * The library's topics (DOMAIN §1: signing contracts, working time and leave, pay, women workers' rights such as
 * nursing time, work injury, social insurance, dismissal; and heat and the ways to claim, which the complaints name).
 * Order is the order of the QR page. Items are data in Postgres; topics are few and change with code.
 */
export const LIBRARY_TOPICS = [
  { key: 'contract', title: '签订劳动合同', intro: '入职、试用期、书面合同、押金和证件' },
  { key: 'wages', title: '工资报酬', intro: '按时足额发工资、最低工资、欠薪怎么办' },
  { key: 'hours', title: '工作时间与休息休假', intro: '每天几小时、加班费怎么算、年休假' },
  { key: 'women', title: '女职工权益', intro: '孕期、产假、哺乳时间、不得因怀孕辞退' },
  { key: 'heat', title: '高温与防暑', intro: '高温津贴、什么温度要停工、中暑算不算工伤' },
  { key: 'injury', title: '工伤', intro: '哪些算工伤、谁去申请、期间工资谁发' },
  { key: 'insurance', title: '社会保险', intro: '五险必须交、单位不交怎么办、失业金' },
  { key: 'dismissal', title: '辞职与辞退', intro: '辞职怎么提、单位什么情况下不能辞退、补偿和赔偿' },
  { key: 'disputes', title: '调解、仲裁与诉讼', intro: '找工会调解、申请仲裁的期限、仲裁不收费' },
] as const;

export type LibraryTopic = (typeof LIBRARY_TOPICS)[number]['key'];
export const TOPIC_KEYS = LIBRARY_TOPICS.map((t) => t.key) as readonly string[];

export const KIND_LABELS = { guide: '通俗解读', statute: '法条释义', case: '典型案例' } as const;

/** One item as the seed writes it; law and article go together (a statute's name and its article number). */
export interface LibrarySeedItem {
  slug: string;
  kind: keyof typeof KIND_LABELS;
  topic: LibraryTopic;
  title: string;
  law?: string;
  article?: string;
  summary: string;
  body: string;
  keywords?: string;
}

export function topicTitle(key: string): string {
  return LIBRARY_TOPICS.find((t) => t.key === key)?.title ?? key;
}
