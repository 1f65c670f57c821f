// Writes the workbook fixtures of the spreadsheet tests with a tool other than the library's own
// writer (ExcelJS, as Excel stores cells: shared strings, styles, dates) and encrypts three of them
// with officecrypto-tool, the way a 快手小店 download is encrypted. Run once; the outputs are committed
// beside this script and the tests never need Node: npm ci && node make.mjs
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import officeCrypto from 'officecrypto-tool';

// A wall-clock time in China, stored as the spreadsheet's serial number without a time zone shift.
const at = (y, mo, d, h = 0, mi = 0, s = 0) => new Date(Date.UTC(y, mo - 1, d, h, mi, s));

async function write(path, sheets) {
  const workbook = new ExcelJS.Workbook();
  workbook.created = at(2021, 6, 1);
  workbook.modified = at(2021, 6, 1);
  for (const { name, rows, formats = {} } of sheets) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
    for (const [column, format] of Object.entries(formats)) sheet.getColumn(column).numFmt = format;
  }

  await workbook.xlsx.writeFile(path);
}

// 快手小店 订单导出: one row per order; ids as numbers and text, money as ¥ text and numbers, times as
// date cells and as text. Sheet 1 is a note with no header; the orders are on sheet 2.
const kuaishouHeader = ['订单号', '订单创建时间', '订单支付时间', '订单状态', '实付款', '成交数量', '售后状态', '订单载体', '商品名称', '商品ID', '渠道',
  'CPS达人ID', 'CPS达人昵称', '团长ID', '团长昵称', '快赚客ID', '快赚客昵称'];
const kuaishouRows = [
  // 2: a talent's distribution: a CPS达人 and a 团长 both named, the CPS达人 sold it; text amount with ¥ and a comma.
  [2105310000000001, at(2021, 5, 31, 10, 0, 0), at(2021, 5, 31, 10, 0, 5), '交易成功', '¥1,299.90', 1, '-', '直播间', '面霜', 9001, '分销', 5001, '达人甲', 7002, '团长丁', '-', '-'],
  // 3: distribution with no CPS达人 (0) but a 团长: the 团长 sold it; refunded in full.
  [2105310000000002, at(2021, 5, 31, 11, 0, 0), '2021/05/31 11:00:09', '交易成功', 59.9, 2, '退款成功', '短视频', '精华', 9002, '分销', 0, '-', 7001, '团长乙', '-', '-'],
  // 4: the shop's own live room (自营, 直播间): the shop's account.
  [2105310000000003, at(2021, 5, 31, 20, 0, 0), at(2021, 5, 31, 20, 1, 0), '已发货', '￥100', 1, '-', '直播间', '面膜', 9003, '自营', '-', '-', '-', '-', '-', '-'],
  // 5: own sale from a product card: the shelf.
  [2105310000000004, at(2021, 6, 1, 9, 0, 0), at(2021, 6, 1, 9, 0, 30), '交易成功', 45.5, 1, '', '商品卡', '洗面奶', 9004, '自营', '-', '-', '-', '-', '-', '-'],
  // 6: never paid (待付款).
  [2105310000000005, at(2021, 6, 1, 10, 0, 0), '', '待付款', 88, 1, '-', '直播间', '面霜', 9001, '自营', '-', '-', '-', '-', '-', '-'],
  // 7: closed without payment: never paid.
  [2105310000000006, at(2021, 6, 1, 11, 0, 0), '', '交易关闭', 88, 1, '', '直播间', '面霜', 9001, '自营', '-', '-', '-', '-', '-', '-'],
  // 8: closed after payment and refunded: paid, then refunded in full.
  [2105310000000007, at(2021, 6, 1, 12, 0, 0), at(2021, 6, 1, 12, 0, 10), '交易关闭', '¥30.00', 1, '退款成功', '直播间', '面膜', 9003, '分销', '-', '-', '-', '-', 8001, '快赚客丙'],
  // 9: a carrier no parser has shown: the shelf, noted.
  [2105310000000008, at(2021, 6, 1, 13, 0, 0), at(2021, 6, 1, 13, 0, 3), '交易成功', 20, 1, '-', '搜索结果页', '眼霜', 9005, '自营', '-', '-', '-', '-', '-', '-'],
  // 10: a bad amount: rejected.
  [2105310000000009, at(2021, 6, 1, 14, 0, 0), at(2021, 6, 1, 14, 0, 3), '交易成功', '一百', 1, '-', '直播间', '眼霜', 9005, '自营', '-', '-', '-', '-', '-', '-'],
];
const kuaishouSheets = [
  { name: '说明', rows: [['订单导出'], ['导出时间：2021-06-02']] },
  { name: '订单', rows: [kuaishouHeader, ...kuaishouRows], formats: { B: 'yyyy-mm-dd hh:mm:ss', C: 'yyyy-mm-dd hh:mm:ss' } },
];
await write('kuaishou-orders.xlsx', kuaishouSheets);
const plain = fs.readFileSync('kuaishou-orders.xlsx');
fs.writeFileSync('订单导出_20210531_k7q2mz.xlsx', await officeCrypto.encrypt(plain, { password: 'k7q2mz' }));
fs.writeFileSync('kuaishou-locked.xlsx', await officeCrypto.encrypt(plain, { password: 's3cr3t!' }));
// The same rows under ECMA-376 Standard encryption (AES-128, SHA-1: Excel 2007's), which older tools still write.
fs.writeFileSync('订单导出_20210531_std9q2.xlsx', await officeCrypto.encrypt(plain, { password: 'std9q2', type: 'standard' }));
fs.unlinkSync('kuaishou-orders.xlsx');

// 罗盘 直播间列表: a title row above the header, '-' for figures not available, decimal minutes.
await write('compass-live-list.xlsx', [{
  name: '直播间列表',
  rows: [
    ['直播间列表 2026-09-01 至 2026-09-07'],
    ['主播昵称', '主播抖音号', '直播开始时间', '直播结束时间', '直播时长(分钟)', '直播间曝光人数', '直播间观看人数', '直播间观看次数', '最高在线人数',
      '人均观看时长(分钟)', '新增粉丝数', '直播间成交订单数', '直播间成交金额', '直播间成交人数', '直播间退款金额', '观看-成交率(人数)'],
    ['坚果官方旗舰店', 'dy_shop01', '2026/09/07 08:55:37', '2026/09/07 12:55:37', 240, 120000, 30000, 45000, 2100, 1.5, 380, 900, 61045.3, 850, 1200.5, 0.0283],
    ['坚果官方旗舰店', 'dy_shop01', '2026/09/08 19:00:00', '2026/09/08 23:30:00', 270, 150000, 36000, 52000, '-', 2.25, '-', 1100, 80000, 1000, '-', 0.0278],
    ['零食测评官', 'dy_talent7', '2026/09/08 20:00:00', '2026/09/08 21:00:00', 60, 20000, 5000, 6000, 400, 0.8, 50, 120, 7000, 110, 0, 0.022],
  ],
}]);

// 千川 全域推广: rates with %, money with ¥ and commas, the 全部 total row first.
await write('qianchuan-uni.xlsx', [{
  name: 'Sheet1',
  rows: [
    ['日期', '抖音号名称', '抖音号ID', '整体消耗', '整体成交金额', '整体支付ROI', '整体成交订单数', '整体点击率'],
    ['全部', '-', '-', '¥3,500.00', '¥12,250.50', '3.50', 300, '2.10%'],
    ['2026-09-07', '坚果官方旗舰店', 1001, '¥1,500.00', '¥5,250.50', '3.50', 130, '2.05%'],
    ['2026-09-08', '坚果官方旗舰店', 1001, '2,000.00', '7,000.00', '3.50', 170, '2.14%'],
  ],
}]);

// 抖店 export re-saved as .xlsx, the newer layout (商品金额, 货号), with a same-day placeholder.
await write('douyin-export-newer.xlsx', [{
  name: '订单',
  rows: [
    ['主订单编号', '子订单编号', '选购商品', '商品ID', '商品数量', '商品金额', '货号', '订单应付金额', '支付完成时间', '订单状态', '售后状态', '达人ID', '达人昵称', '流量类型', '流量体裁', '买家ID'],
    ['\t6953000000000001000', '\t6953000000000001001', '每日坚果', '\t3500000000000000001', 1, 129, 'NUT-750', 119, at(2026, 9, 7, 9, 0, 0), '已完成', '-', 1000000001, '坚果官方旗舰店', '自然流量', '直播', 'U1'],
    ['\t6953000000000002000', '\t6953000000000002001', '碧根果', '\t3500000000000000004', 2, 29.9, 'NUT-210', 55.8, at(2026, 9, 7, 23, 50, 0), '已完成', '-', '', '', '自然流量', '数据将于第二天更新', 'U2'],
    ['\t6953000000000003000', '\t6953000000000003001', '礼盒', '\t3500000000000000003', 1, 199, 'GIFT-2', 189, at(2026, 9, 7, 10, 0, 0), '已完成', '退款成功', 2000000002, '零食测评官', '付费流量', '短视频', 'U3'],
  ],
  formats: { I: 'yyyy-mm-dd hh:mm:ss' },
}]);
console.log('wrote 订单导出_20210531_k7q2mz.xlsx, kuaishou-locked.xlsx, compass-live-list.xlsx, qianchuan-uni.xlsx, douyin-export-newer.xlsx');

// A hostile workbook: 320 MiB of spaces between its two rows, zipped to a few hundred kilobytes, then
// encrypted as a 快手小店 download is (password: the last 6 characters of its name). The reader must
// refuse it, as it refuses the same file unencrypted, without expanding it.
{
  const { default: JSZip } = await import('jszip');
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const pkg = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
  zip.file('_rels/.rels', `<Relationships xmlns="${pkg}"><Relationship Id="r1" Type="${rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', `<workbook xmlns="${main}" xmlns:r="${rels}"><sheets><sheet name="订单" sheetId="1" r:id="rS"/></sheets></workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', `<Relationships xmlns="${pkg}"><Relationship Id="rS" Type="${rels}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  const head = Buffer.from(`<worksheet xmlns="${main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>订单号</t></is></c></row>`);
  const tail = Buffer.from('<row r="2"><c r="A2" t="inlineStr"><is><t>1</t></is></c></row></sheetData></worksheet>');
  zip.file('xl/worksheets/sheet1.xml', Buffer.concat([head, Buffer.alloc(320 << 20, 0x20), tail]));
  const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  fs.writeFileSync('hostile_spaces_b0mb42.xlsx', await officeCrypto.encrypt(bomb, { password: 'b0mb42' }));
  console.log(`wrote hostile_spaces_b0mb42.xlsx (${bomb.length} bytes zipped)`);
}
