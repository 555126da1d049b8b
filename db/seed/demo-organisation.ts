/** Demo data: one district, three streets, five enterprises and a staff account for every role of DOMAIN.md. */
import type { OrgLevel } from '../schema';

export const DEMO_PASSWORD = 'gongqing2026';

export const DEMO_UNITS: { id: string; name: string; level: OrgLevel; parent_id: string | null }[] = [
  { id: 'd-xihu', name: '西湖区总工会', level: 'district', parent_id: null },
  { id: 's-beishan', name: '北山街道总工会', level: 'street', parent_id: 'd-xihu' },
  { id: 's-xixi', name: '西溪街道总工会', level: 'street', parent_id: 'd-xihu' },
  { id: 's-cuiyuan', name: '翠苑街道总工会', level: 'street', parent_id: 'd-xihu' },
  { id: 'u-jingmi', name: '西湖精密机械有限公司工会', level: 'enterprise', parent_id: 's-beishan' },
  { id: 'u-kuaidi', name: '杭州迅达快递有限公司工会', level: 'enterprise', parent_id: 's-beishan' },
  { id: 'u-fangzhi', name: '西溪纺织有限公司工会', level: 'enterprise', parent_id: 's-xixi' },
  { id: 'u-canyin', name: '翠苑餐饮管理有限公司工会', level: 'enterprise', parent_id: 's-cuiyuan' },
  { id: 'u-jianzhu', name: '杭州城建建筑工程有限公司工会', level: 'enterprise', parent_id: 's-cuiyuan' },
  { id: 'i-xihu-station', name: '西湖区总工会驻区仲裁院劳动争议调解工作室', level: 'institution', parent_id: 'd-xihu' },
  { id: 'i-xihu-arbitration', name: '杭州市西湖区劳动人事争议仲裁院', level: 'institution', parent_id: null },
  { id: 'i-xihu-court', name: '杭州市西湖区人民法院', level: 'institution', parent_id: null },
  { id: 'i-xihu-procuratorate', name: '杭州市西湖区人民检察院', level: 'institution', parent_id: null },
  { id: 'i-shangcheng-arbitration', name: '杭州市上城区劳动人事争议仲裁院', level: 'institution', parent_id: null },
];

/** Outside the union: where mediators sit and where documents go (each institution's clerks see only what it was sent). */
export const DEMO_INSTITUTIONS = [
  { unit_id: 'i-xihu-station', kind: 'mediation_station', name: '西湖区总工会驻区仲裁院劳动争议调解工作室', email: 'tiaojie@xihu-union.example', district_id: 'd-xihu' },
  { unit_id: 'i-xihu-arbitration', kind: 'arbitration', name: '杭州市西湖区劳动人事争议仲裁委员会', email: 'zhongcai@xihu-arbitration.example', district_id: 'd-xihu' },
  { unit_id: 'i-xihu-court', kind: 'court', name: '杭州市西湖区人民法院', email: 'lian@xihu-court.example', district_id: 'd-xihu' },
  { unit_id: 'i-xihu-procuratorate', kind: 'procuratorate', name: '杭州市西湖区人民检察院', email: 'minxing@xihu-procuratorate.example', district_id: 'd-xihu' },
  { unit_id: 'i-shangcheng-arbitration', kind: 'arbitration', name: '杭州市上城区劳动人事争议仲裁委员会', email: 'zhongcai@shangcheng-arbitration.example', district_id: null },
] as const;

export const DEMO_ENTERPRISES = [
  { id: 'e-jingmi', name: '西湖精密机械有限公司', street_id: 's-beishan', union_unit_id: 'u-jingmi' },
  { id: 'e-kuaidi', name: '杭州迅达快递有限公司', street_id: 's-beishan', union_unit_id: 'u-kuaidi' },
  { id: 'e-fangzhi', name: '西溪纺织有限公司', street_id: 's-xixi', union_unit_id: 'u-fangzhi' },
  { id: 'e-canyin', name: '翠苑餐饮管理有限公司', street_id: 's-cuiyuan', union_unit_id: 'u-canyin' },
  { id: 'e-jianzhu', name: '杭州城建建筑工程有限公司', street_id: 's-cuiyuan', union_unit_id: 'u-jianzhu' },
];

interface DemoStaff { username: string; display_name: string; role: string; org_unit_id: string; phone: string; department?: string }

const streetStaff = (code: string, street: string, unit: string, n: number): DemoStaff[] => [
  { username: `${code}.sg`, display_name: `${street}街道社工`, role: 'street_caseworker', org_unit_id: unit, phone: `1370000${n}001` },
  { username: `${code}.zx`, display_name: `${street}街道工会主席`, role: 'street_chair', org_unit_id: unit, phone: `1370000${n}002` },
];

export const DEMO_STAFF: DemoStaff[] = [
  ...streetStaff('beishan', '北山', 's-beishan', 1),
  ...streetStaff('xixi', '西溪', 's-xixi', 2),
  ...streetStaff('cuiyuan', '翠苑', 's-cuiyuan', 3),
  { username: 'xihu.qb', display_name: '区权保部王干事', role: 'district_staff', org_unit_id: 'd-xihu', phone: '13600000001' },
  { username: 'xihu.fg', display_name: '分管领导陈副主席', role: 'supervising_leader', org_unit_id: 'd-xihu', phone: '13600000002' },
  { username: 'xihu.zx', display_name: '区总工会刘主席', role: 'district_chair', org_unit_id: 'd-xihu', phone: '13600000003' },
  { username: 'xihu.tj', display_name: '工会调解员周调解', role: 'union_mediator', org_unit_id: 'i-xihu-station', phone: '13600000004' },
  { username: 'xihu.ls', display_name: '法律援助律师吴律师', role: 'legal_aid_lawyer', org_unit_id: 'd-xihu', phone: '13600000005' },
  { username: 'xihu.ls2', display_name: '法律援助律师何律师', role: 'legal_aid_lawyer', org_unit_id: 'd-xihu', phone: '13600000013' },
  { username: 'xihu.zc', display_name: '仲裁院书记员郑书记', role: 'arbitration_clerk', org_unit_id: 'i-xihu-arbitration', phone: '13600000006' },
  { username: 'xihu.fy', display_name: '法院书记员孙书记', role: 'court_clerk', org_unit_id: 'i-xihu-court', phone: '13600000007' },
  { username: 'xihu.jc', display_name: '检察官钱检察', role: 'procurator', org_unit_id: 'i-xihu-procuratorate', phone: '13600000008' },
  { username: 'sc.zc', display_name: '上城区仲裁院书记员林书记', role: 'arbitration_clerk', org_unit_id: 'i-shangcheng-arbitration', phone: '13600000012' },
  { username: 'xihu.ds', display_name: '协商导师冯导师', role: 'negotiation_mentor', org_unit_id: 'd-xihu', phone: '13600000009' },
  { username: 'xihu.rs', display_name: '人社局联络员', role: 'partner_department', org_unit_id: 'd-xihu', phone: '13600000010', department: '人社局' },
  { username: 'xihu.sj', display_name: '区总工会审计李审计', role: 'auditor', org_unit_id: 'd-xihu', phone: '13600000021' },
  { username: 'xihu.zf', display_name: '综合执法局联络员', role: 'partner_department', org_unit_id: 'd-xihu', phone: '13600000011', department: '综合执法局' },
  { username: 'jingmi.zx', display_name: '精密机械工会赵主席', role: 'enterprise_chair', org_unit_id: 'u-jingmi', phone: '13500000001' },
  { username: 'kuaidi.zx', display_name: '迅达快递工会钱主席', role: 'enterprise_chair', org_unit_id: 'u-kuaidi', phone: '13500000002' },
  { username: 'fangzhi.zx', display_name: '西溪纺织工会孙主席', role: 'enterprise_chair', org_unit_id: 'u-fangzhi', phone: '13500000003' },
  { username: 'canyin.zx', display_name: '翠苑餐饮工会李主席', role: 'enterprise_chair', org_unit_id: 'u-canyin', phone: '13500000004' },
  { username: 'jianzhu.zx', display_name: '城建建筑工会周主席', role: 'enterprise_chair', org_unit_id: 'u-jianzhu', phone: '13500000005' },
];
