<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Trial Coordinator</source>
        <translation>关于临床试验协调员工作台</translation>
    </message>
    <message>
        <source>Trial Coordinator</source>
        <translation>临床试验协调员工作台</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <source>Python {python} · Qt {qt} · PySide6 {pyside}</source>
        <translation>Python {python} · Qt {qt} · PySide6 {pyside}</translation>
    </message>
    <message>
        <source>The daily workstation of clinical-trial site coordinators.</source>
        <translation>临床试验机构研究协调员的日常工作台。</translation>
    </message>
    <message>
        <source>Licences of the bundled font and libraries:</source>
        <translation>随附字体与程序库的许可证：</translation>
    </message>
</context>
<context>
    <name>Access</name>
    <message>
        <source>{field} “{value}” {problem}</source>
        <translation>{field}“{value}”{problem}</translation>
    </message>
    <message>
        <source>{field} {problem}</source>
        <translation>{field}{problem}</translation>
    </message>
    <message>
        <source>A password has at least {count} characters, mixes letters with digits or symbols, and does not contain the user name.</source>
        <translation>密码至少 {count} 个字符，须同时包含字母和数字或符号，且不得包含用户名。</translation>
    </message>
</context>
<context>
    <name>ActiveDialog</name>
    <message>
        <source>Reactivate {user}</source>
        <translation>重新启用 {user}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; may sign in again with their password.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; 可以再次用自己的密码登录。</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>Deactivate {user}</source>
        <translation>停用 {user}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; can no longer sign in or sign. The account stays on record with everything it entered and signed.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; 将不能再登录或签名。该账户及其录入和签署的全部内容仍保留在记录中。</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>原因(&amp;E)：</translation>
    </message>
    <message>
        <source>e.g. left the site on 2026-11-30</source>
        <translation>例如：2026-11-30 离开本中心</translation>
    </message>
</context>
<context>
    <name>AeDialog</name>
    <message>
        <source>Adverse event of {subject}</source>
        <translation>{subject} 的不良事件</translation>
    </message>
    <message>
        <source>Quick entry:</source>
        <translation>快速录入：</translation>
    </message>
    <message>
        <source>Prefill the form; every field stays editable</source>
        <translation>预先填写表单；所有字段仍可修改</translation>
    </message>
    <message>
        <source>Serious adverse event (SAE)</source>
        <translation>严重不良事件（SAE）</translation>
    </message>
    <message>
        <source>Expected (listed in the investigator&apos;s brochure)</source>
        <translation>预期的（已列于研究者手册）</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>恢复日期</translation>
    </message>
    <message>
        <source>(no visit)</source>
        <translation>（无访视）</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>不良事件名称</translation>
    </message>
    <message>
        <source>Onset date</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Seriousness criteria</source>
        <translation>严重性标准</translation>
    </message>
    <message>
        <source>Relationship to UC-MSC</source>
        <translation>与 UC-MSC 的相关性</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>采取的措施</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>转归</translation>
    </message>
    <message>
        <source>Site aware at</source>
        <translation>研究中心获知时间</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>恢复情况</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>访视</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
</context>
<context>
    <name>AeSummaryDialog</name>
    <message>
        <source>Trial AE summary</source>
        <translation>试验不良事件汇总</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export the AE summary</source>
        <translation>导出不良事件汇总</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The CSV was not written: {error}</source>
        <translation>CSV 文件未写入：{error}</translation>
    </message>
    <message>
        <source>{count} row(s) written to {path}</source>
        <translation>已将 {count} 行写入 {path}</translation>
    </message>
</context>
<context>
    <name>AeSummaryModel</name>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>adverse events</source>
        <translation>不良事件</translation>
    </message>
    <message>
        <source>serious adverse events</source>
        <translation>严重不良事件</translation>
    </message>
    <message>
        <source>related (possible, probable, definite)</source>
        <translation>相关（可能有关、很可能有关、肯定有关）</translation>
    </message>
    <message>
        <source>subjects with an adverse event</source>
        <translation>发生不良事件的受试者</translation>
    </message>
    <message>
        <source>grade</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>relationship</source>
        <translation>相关性</translation>
    </message>
    <message>
        <source>dose period</source>
        <translation>给药阶段</translation>
    </message>
    <message>
        <source>before dose 1</source>
        <translation>第 1 剂前</translation>
    </message>
    <message>
        <source>after dose 1</source>
        <translation>第 1 剂后</translation>
    </message>
    <message>
        <source>after dose 2</source>
        <translation>第 2 剂后</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>例数</translation>
    </message>
</context>
<context>
    <name>AeTableModel</name>
    <message>
        <source>Term</source>
        <translation>不良事件名称</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <source>Grade (CTCAE)</source>
        <translation>分级（CTCAE）</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>相关性</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>转归</translation>
    </message>
    <message>
        <source>SAE report</source>
        <translation>SAE 报告</translation>
    </message>
    <message>
        <source>Investigator&apos;s assessment</source>
        <translation>研究者评估</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>未签名</translation>
    </message>
    <message>
        <source>needs re-signing</source>
        <translation>需重新签名</translation>
    </message>
    <message>
        <source>{name}, {time}</source>
        <translation>{name}，{time}</translation>
    </message>
    <message>
        <source>An investigator has not signed the assessment yet</source>
        <translation>研究者尚未签署该评估</translation>
    </message>
    <message>
        <source>Signed “{meaning}” by {signer} ({role}) on {time}</source>
        <translation>{signer}（{role}）于 {time} 签署“{meaning}”</translation>
    </message>
    <message>
        <source>{signed}; the assessed fields changed since, so an investigator signs again</source>
        <translation>{signed}；此后评估内容有修改，须由研究者重新签名</translation>
    </message>
    <message>
        <source>reported late</source>
        <translation>逾期报告</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>已报告</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Yes: {criteria}</source>
        <translation>是：{criteria}</translation>
    </message>
</context>
<context>
    <name>AgendaTableModel</name>
    <message>
        <source>{status}, overdue</source>
        <translation>{status}，已逾期</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>受试者</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>访视</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>访视窗</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Trial Coordinator</source>
        <translation>临床试验协调员工作台</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <source>Bedside assessment of {subject}</source>
        <translation>{subject} 的床旁评估</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Mild</source>
        <translation>轻度</translation>
    </message>
    <message>
        <source>Moderate to severe</source>
        <translation>中重度</translation>
    </message>
    <message>
        <source>Grade 1-2</source>
        <translation>1–2 级</translation>
    </message>
    <message>
        <source>Grade 3-4</source>
        <translation>3–4 级</translation>
    </message>
    <message>
        <source>Dialysis at least twice in the last week</source>
        <translation>过去一周内透析至少两次</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Ascites</source>
        <translation>腹水</translation>
    </message>
    <message>
        <source>Hepatic encephalopathy</source>
        <translation>肝性脑病</translation>
    </message>
</context>
<context>
    <name>AuditTrailDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>稽查轨迹</translation>
    </message>
    <message>
        <source>&amp;Verify chain</source>
        <translation>校验哈希链(&amp;V)</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation>至(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>受试者(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation>数据表(&amp;T)：</translation>
    </message>
    <message>
        <source>All subjects</source>
        <translation>全部受试者</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>All tables</source>
        <translation>全部数据表</translation>
    </message>
    <message>
        <source>The date range ends before it starts.</source>
        <translation>日期范围的结束早于开始。</translation>
    </message>
    <message>
        <source>{total} row(s)</source>
        <translation>共 {total} 行</translation>
    </message>
    <message>
        <source>{loaded} of {total} row(s) loaded, newest first; scroll down for more</source>
        <translation>已加载 {loaded} / {total} 行，最新的在前；向下滚动加载更多</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出稽查轨迹</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>{count} row(s) written to {path}</source>
        <translation>已将 {count} 行写入 {path}</translation>
    </message>
    <message>
        <source>Exporting the audit trail…</source>
        <translation>正在导出稽查轨迹…</translation>
    </message>
    <message>
        <source>Checking the hash chain of every audit row…</source>
        <translation>正在校验每一行稽查记录的哈希链…</translation>
    </message>
    <message>
        <source>Hash chain intact: {rows} row(s) checked.</source>
        <translation>哈希链完整：已校验 {rows} 行。</translation>
    </message>
    <message>
        <source>Hash chain broken at audit row {row}: {problem}. It was altered outside the app.</source>
        <translation>哈希链在第 {row} 行稽查记录处断开：{problem}。该记录在本程序之外被改动过。</translation>
    </message>
    <message>
        <source>Not finished: {error}</source>
        <translation>未完成：{error}</translation>
    </message>
</context>
<context>
    <name>AuditTrailModel</name>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation>时间（本地）</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>受试者</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Row hash: {hash}
Previous row&apos;s hash: {previous}</source>
        <translation>本行哈希：{hash}
上一行哈希：{previous}</translation>
    </message>
</context>
<context>
    <name>AwaitingTableModel</name>
    <message>
        <source>Subject</source>
        <translation>受试者</translation>
    </message>
    <message>
        <source>Screening no.</source>
        <translation>筛选号</translation>
    </message>
    <message>
        <source>Initials</source>
        <translation>姓名缩写</translation>
    </message>
    <message>
        <source>Enrolled on</source>
        <translation>入组日期</translation>
    </message>
    <message>
        <source>Proposed dose 1</source>
        <translation>建议第 1 剂日期</translation>
    </message>
    <message>
        <source>The first working day after enrolment with room for another infusion</source>
        <translation>入组后第一个尚可安排输注的工作日</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Safety &amp;&amp; labs</source>
        <translation>安全性与检验</translation>
    </message>
    <message>
        <source>Move the selected visit to another date; visits that count from it move too, shown before saving</source>
        <translation>将所选访视改到另一日期；以其为基准计算的访视随之移动，保存前会列出</translation>
    </message>
    <message>
        <source>Record the selected visit as done (with its date), missed or cancelled</source>
        <translation>将所选访视记录为已完成（含日期）、未到访或已取消</translation>
    </message>
    <message>
        <source>Open the infusion record of the selected dose: product, times, vital signs; saving marks it given</source>
        <translation>打开所选剂次的输注记录：细胞制剂、时间、生命体征；保存即标记为已输注</translation>
    </message>
    <message>
        <source>Show every visit of the selected visit&apos;s subject</source>
        <translation>显示所选访视所属受试者的全部访视</translation>
    </message>
    <message>
        <source>Confirm dose 1 for the selected subject: the whole schedule follows from it</source>
        <translation>为所选受试者确认第 1 剂：整个访视计划由此排定</translation>
    </message>
    <message>
        <source>Whole trial…</source>
        <translation>整个试验…</translation>
    </message>
    <message>
        <source>Selected subject…</source>
        <translation>所选受试者…</translation>
    </message>
    <message>
        <source>Shown month…</source>
        <translation>当前显示的月份…</translation>
    </message>
    <message>
        <source>Visit packet for the selected visit…</source>
        <translation>所选访视的访视资料包…</translation>
    </message>
    <message>
        <source>All packets for the selected day…</source>
        <translation>所选日期的全部访视资料包…</translation>
    </message>
    <message>
        <source>Visit list for the selected week…</source>
        <translation>所选周的访视清单…</translation>
    </message>
    <message>
        <source>Visit list for the shown month…</source>
        <translation>当前月份的访视清单…</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <source>{trial}: the protocol has no visit plan, so there is nothing to schedule.</source>
        <translation>{trial}：方案中没有访视计划，无可排程的访视。</translation>
    </message>
    <message>
        <source>Week of {first} to {last}</source>
        <translation>{first} 至 {last} 这一周</translation>
    </message>
    <message>
        <source>Nothing is scheduled this week.</source>
        <translation>本周没有安排。</translation>
    </message>
    <message>
        <source>Nothing is scheduled on this day.</source>
        <translation>这一天没有安排。</translation>
    </message>
    <message>
        <source>{date}: {flag}</source>
        <translation>{date}：{flag}</translation>
    </message>
    <message>
        <source>{days} day(s) past its window</source>
        <translation>超出访视窗 {days} 天</translation>
    </message>
    <message>
        <source>&lt;b&gt;{overdue}&lt;/b&gt; overdue · &lt;b&gt;{today}&lt;/b&gt; due today · &lt;b&gt;{week}&lt;/b&gt; more this week · &lt;b&gt;{infusions}&lt;/b&gt; infusion(s) in the next 14 days</source>
        <translation>逾期 &lt;b&gt;{overdue}&lt;/b&gt; 项 · 今日到期 &lt;b&gt;{today}&lt;/b&gt; 项 · 本周另有 &lt;b&gt;{week}&lt;/b&gt; 项 · 未来 14 天输注 &lt;b&gt;{infusions}&lt;/b&gt; 次</translation>
    </message>
    <message>
        <source>&lt;b&gt;{date}&lt;/b&gt; — double-click a row to open the subject&apos;s timeline.</source>
        <translation>&lt;b&gt;{date}&lt;/b&gt; — 双击一行可打开该受试者的时间线。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{date}&lt;/b&gt; — nothing is due or overdue, and no infusion in the next 14 days.</source>
        <translation>&lt;b&gt;{date}&lt;/b&gt; — 没有到期或逾期的访视，未来 14 天也没有输注。</translation>
    </message>
    <message>
        <source>Today ({count})</source>
        <translation>今日（{count}）</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>{dose} not given yet</source>
        <translation>{dose} 尚未输注</translation>
    </message>
    <message>
        <source>Safety check to answer; then cell product, release certificate, infusion record</source>
        <translation>先完成安全性核查；再核对细胞制剂、放行证书，填写输注记录</translation>
    </message>
    <message>
        <source>Cell product and release certificate; infusion record on the day</source>
        <translation>细胞制剂与放行证书；当天填写输注记录</translation>
    </message>
    <message>
        <source>Awaiting dose 1 ({count})</source>
        <translation>待预约第 1 剂（{count}）</translation>
    </message>
    <message>
        <source>Awaiting dose 1</source>
        <translation>待预约第 1 剂</translation>
    </message>
    <message>
        <source>Deviations ({count})</source>
        <translation>方案偏离（{count}）</translation>
    </message>
    <message>
        <source>Deviations: none recorded</source>
        <translation>方案偏离：无记录</translation>
    </message>
    <message>
        <source>No subject has a schedule yet: book dose 1 on the “Awaiting dose 1” page.</source>
        <translation>尚无受试者有访视计划：请在“待预约第 1 剂”页面预约第 1 剂。</translation>
    </message>
    <message>
        <source>{done} of {total} visits done</source>
        <translation>已完成 {done} / {total} 次访视</translation>
    </message>
    <message>
        <source> · next: {visit} on {date}</source>
        <translation> · 下一次：{date} {visit}</translation>
    </message>
    <message>
        <source>Subject {subject}…</source>
        <translation>受试者 {subject}…</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
    <message>
        <source>Dose 1 needs a deviation reason</source>
        <translation>第 1 剂需要填写方案偏离原因</translation>
    </message>
    <message>
        <source>{problem}

Reason:</source>
        <translation>{problem}

原因：</translation>
    </message>
    <message>
        <source>Dose 1 not booked</source>
        <translation>第 1 剂未预约</translation>
    </message>
    <message>
        <source>Booked dose 1 for {subject} on {date}: {count} visits are on the calendar.</source>
        <translation>已为 {subject} 预约 {date} 输注第 1 剂：日历上共有 {count} 次访视。</translation>
    </message>
    <message>
        <source>Note: that day is not a working day ({flag}).</source>
        <translation>注意：该日不是工作日（{flag}）。</translation>
    </message>
    <message>
        <source>Visit not rescheduled</source>
        <translation>访视未改期</translation>
    </message>
    <message>
        <source>{date}: {problem}</source>
        <translation>{date}：{problem}</translation>
    </message>
    <message>
        <source>{date} is outside the window of {visit} ({window}). Booking it there is a protocol deviation: give a deviation reason.</source>
        <translation>{date} 在 {visit} 的访视窗（{window}）之外。安排在该日属于方案偏离：请填写偏离原因。</translation>
    </message>
    <message>
        <source>Nothing was moved.</source>
        <translation>没有访视被移动。</translation>
    </message>
    <message>
        <source>Moved {visit} of {subject} to {date}; {count} other visit(s) moved with it.</source>
        <translation>已将 {subject} 的 {visit} 改到 {date}；另有 {count} 次访视随之移动。</translation>
    </message>
    <message>
        <source>Visit not recorded</source>
        <translation>访视未记录</translation>
    </message>
    <message>
        <source>{visit} of {subject} recorded done on {date}.</source>
        <translation>已记录 {subject} 的 {visit} 于 {date} 完成。</translation>
    </message>
    <message>
        <source>{visit} of {subject} recorded as {status}.</source>
        <translation>已将 {subject} 的 {visit} 记录为{status}。</translation>
    </message>
    <message>
        <source>Sign the completed visit {visit} — {subject}</source>
        <translation>签署已完成的访视 {visit} — {subject}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{subject}&lt;/b&gt; · {visit}: done on {date}.</source>
        <translation>&lt;b&gt;{subject}&lt;/b&gt; · {visit}：于 {date} 完成。</translation>
    </message>
    <message>
        <source>Infusion record not opened</source>
        <translation>输注记录未打开</translation>
    </message>
    <message>
        <source>{dose} cannot be marked given: {earlier} has not been given yet.</source>
        <translation>{dose} 不能标记为已输注：{earlier} 尚未输注。</translation>
    </message>
    <message>
        <source>Safety check not recorded</source>
        <translation>安全性核查未记录</translation>
    </message>
    <message>
        <source>Infusion not allowed</source>
        <translation>不允许输注</translation>
    </message>
    <message>
        <source>The safety check did not clear {subject} for {dose}: the infusion record stays closed. The answers are recorded; answer the check again when the investigator clears the subject.</source>
        <translation>安全性核查未准许 {subject} 进行 {dose}：输注记录保持关闭。本次回答已记录；研究者准许后请重新完成核查。</translation>
    </message>
    <message>
        <source>{dose} given to {subject} on {date}; {minutes} min from preparation to the end of the infusion.</source>
        <translation>{subject} 已于 {date} 输注 {dose}；从制备到输注结束共 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>Infusion saved with a warning</source>
        <translation>输注记录已保存（有警告）</translation>
    </message>
    <message>
        <source>Cell dose outside the tolerance</source>
        <translation>细胞剂量超出允许范围</translation>
    </message>
    <message>
        <source>{problem}

Save it as a protocol deviation? Reason:</source>
        <translation>{problem}

作为方案偏离保存？原因：</translation>
    </message>
    <message>
        <source>Infusion record not saved</source>
        <translation>输注记录未保存</translation>
    </message>
    <message>
        <source>&lt;b&gt;{subject}&lt;/b&gt; · {visit}: lot {lot}, release certificate {certificate}, {cells} cells, infused {start}–{end} on {date}; administered by {given_by}, checked by {checked_by}.</source>
        <translation>&lt;b&gt;{subject}&lt;/b&gt; · {visit}：批号 {lot}，放行证书 {certificate}，细胞数 {cells}，{date} {start}–{end} 输注；执行人 {given_by}，核对人 {checked_by}。</translation>
    </message>
    <message>
        <source>Protocol deviation: {reason}</source>
        <translation>方案偏离：{reason}</translation>
    </message>
    <message>
        <source>Sign the infusion record {visit} — {subject}</source>
        <translation>签署输注记录 {visit} — {subject}</translation>
    </message>
    <message>
        <source>Nothing exported</source>
        <translation>未导出任何内容</translation>
    </message>
    <message>
        <source>Select a visit or a subject first.</source>
        <translation>请先选择一次访视或一名受试者。</translation>
    </message>
    <message>
        <source>Export visits as iCalendar</source>
        <translation>将访视导出为 iCalendar</translation>
    </message>
    <message>
        <source>Exported {count} visit(s) to {path}.</source>
        <translation>已将 {count} 次访视导出到 {path}。</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今日(&amp;T)</translation>
    </message>
    <message>
        <source>Show today on the calendar and the morning&apos;s list</source>
        <translation>在日历上显示今天及今日清单</translation>
    </message>
    <message>
        <source>&amp;Export .ics</source>
        <translation>导出 .ics(&amp;E)</translation>
    </message>
    <message>
        <source>Write visits as an iCalendar file for phones and calendar programs (subjects by number only)</source>
        <translation>将访视写入 iCalendar 文件，供手机和日历程序使用（受试者仅以编号显示）</translation>
    </message>
    <message>
        <source>Day / week</source>
        <translation>日 / 周</translation>
    </message>
    <message>
        <source>Subject timeline</source>
        <translation>受试者时间线</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>受试者(&amp;U)：</translation>
    </message>
    <message>
        <source>Deviations</source>
        <translation>方案偏离</translation>
    </message>
    <message>
        <source>Enrolled subjects whose dose 1 is not booked yet. Booking dose 1 puts every visit of the protocol on the calendar.</source>
        <translation>已入组但尚未预约第 1 剂的受试者。预约第 1 剂后，方案规定的全部访视都会排入日历。</translation>
    </message>
    <message>
        <source>&amp;Book dose 1…</source>
        <translation>预约第 1 剂(&amp;B)…</translation>
    </message>
    <message>
        <source>Re&amp;schedule…</source>
        <translation>改期(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Record outcome…</source>
        <translation>记录结果(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Infusion record…</source>
        <translation>输注记录(&amp;I)…</translation>
    </message>
    <message>
        <source>Time&amp;line</source>
        <translation>时间线(&amp;L)</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Choose your own password</source>
        <translation>设置您自己的密码</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;, you signed in with a first password from the administrator. Choose your own password before you start; nobody else will know it.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;，您使用管理员提供的初始密码登录。开始工作前请设置您自己的密码，其他人不会知道它。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Change the password of &lt;b&gt;{name}&lt;/b&gt;.</source>
        <translation>修改 &lt;b&gt;{name}&lt;/b&gt; 的密码。</translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation>当前密码(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Confirm new password:</source>
        <translation>确认新密码(&amp;C)：</translation>
    </message>
    <message>
        <source>The two new passwords differ: type the same password twice.</source>
        <translation>两次输入的新密码不一致：请输入两次相同的密码。</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>State</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Based on (source)</source>
        <translation>依据（来源）</translation>
    </message>
    <message>
        <source>The recorded values the criterion read, what the app computed from them, and their source</source>
        <translation>该标准读取的记录值、程序据此计算的结果及其来源</translation>
    </message>
    <message>
        <source>{item}: {value}</source>
        <translation>{item}：{value}</translation>
    </message>
    <message>
        <source>Source: {notes}</source>
        <translation>来源：{notes}</translation>
    </message>
    <message>
        <source>Inclusion criterion</source>
        <translation>入选标准</translation>
    </message>
    <message>
        <source>Exclusion criterion</source>
        <translation>排除标准</translation>
    </message>
    <message>
        <source>This inclusion criterion is met.</source>
        <translation>满足此入选标准。</translation>
    </message>
    <message>
        <source>This inclusion criterion is not met: the subject is not eligible.</source>
        <translation>不满足此入选标准：受试者不符合入选条件。</translation>
    </message>
    <message>
        <source>This exclusion criterion applies: the subject is not eligible.</source>
        <translation>符合此排除标准：受试者不符合入选条件。</translation>
    </message>
    <message>
        <source>This exclusion criterion does not apply.</source>
        <translation>不符合此排除标准。</translation>
    </message>
    <message>
        <source>Cannot be decided yet: missing {items}.</source>
        <translation>尚无法判定：缺少 {items}。</translation>
    </message>
    <message>
        <source>Not applicable to this subject (limited to the other sex).</source>
        <translation>不适用于该受试者（仅限另一性别）。</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>{problem}

Reload now to see what was saved, then make your change again?</source>
        <translation>{problem}

现在重新载入以查看已保存的内容，然后再做一次您的修改？</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Record informed consent: {number}</source>
        <translation>记录知情同意：{number}</translation>
    </message>
    <message>
        <source>{name} signed the informed consent form. Record it as on the signed form.</source>
        <translation>{name} 已签署知情同意书。请按签字页上的内容记录。</translation>
    </message>
    <message>
        <source>Name of the staff member</source>
        <translation>工作人员姓名</translation>
    </message>
    <message>
        <source>Record informed consent</source>
        <translation>记录知情同意</translation>
    </message>
    <message>
        <source>&amp;Form version:</source>
        <translation>知情同意书版本(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Signed at:</source>
        <translation>签署时间(&amp;S)：</translation>
    </message>
    <message>
        <source>Date and local time the subject signed the form</source>
        <translation>受试者签署知情同意书的日期和本地时间</translation>
    </message>
    <message>
        <source>&amp;Obtained by:</source>
        <translation>知情同意获取人(&amp;O)：</translation>
    </message>
    <message>
        <source>The staff member who obtained consent (delegated to obtain informed consent)</source>
        <translation>获取知情同意的工作人员（已获授权获取知情同意）</translation>
    </message>
    <message>
        <source>A signed copy was &amp;given to the subject</source>
        <translation>已将签署的副本交给受试者(&amp;G)</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Choose or type a duty</source>
        <translation>选择或输入一项职责</translation>
    </message>
    <message>
        <source>Belongs to this trial only ({nct_id})</source>
        <translation>仅属于本试验（{nct_id}）</translation>
    </message>
    <message>
        <source>Delegation log for {nct_id}</source>
        <translation>{nct_id} 的授权分工表</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>Edit contact: {name}</source>
        <translation>编辑联系人：{name}</translation>
    </message>
    <message>
        <source>{field} “{value}”: {problem}</source>
        <translation>{field}“{value}”：{problem}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Delegation log</source>
        <translation>授权分工表</translation>
    </message>
    <message>
        <source>Delegation line {n}, end date</source>
        <translation>授权第 {n} 行，结束日期</translation>
    </message>
    <message>
        <source>Delegation line {n}, duty</source>
        <translation>授权第 {n} 行，职责</translation>
    </message>
    <message>
        <source>Choose or type the duty to delegate.</source>
        <translation>请选择或输入要授权的职责。</translation>
    </message>
    <message>
        <source>“{duty}” is already delegated from {date}; end that line first.</source>
        <translation>“{duty}”已自 {date} 起授权；请先结束该行。</translation>
    </message>
    <message>
        <source>A duty cannot end ({end}) before it starts ({start}).</source>
        <translation>职责的结束日期（{end}）不能早于开始日期（{start}）。</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>单位(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>138 1234 5678, 0898-6615 1200, or +country code for numbers abroad</source>
        <translation>138 1234 5678、0898-6615 1200，境外号码请加 +国家代码</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>电子邮箱(&amp;E)：</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>备注(&amp;T)：</translation>
    </message>
    <message>
        <source>Belongs to this trial only</source>
        <translation>仅属于本试验</translation>
    </message>
    <message>
        <source>Unticked: a site-wide contact, listed for every trial (staff, pharmacy, ethics committee)</source>
        <translation>不勾选：全中心通用的联系人，每个试验都会列出（工作人员、药房、伦理委员会）</translation>
    </message>
    <message>
        <source>Delegation log for this trial</source>
        <translation>本试验的授权分工表</translation>
    </message>
    <message>
        <source>D&amp;uty:</source>
        <translation>职责(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;from</source>
        <translation>起始日期(&amp;F)</translation>
    </message>
    <message>
        <source>A&amp;dd duty</source>
        <translation>添加职责(&amp;D)</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>移除(&amp;V)</translation>
    </message>
    <message>
        <source>Remove a line added in this dialog; saved lines are ended, never deleted</source>
        <translation>移除在本对话框中添加的行；已保存的行只能结束，不能删除</translation>
    </message>
    <message>
        <source>End the selected duty o&amp;n</source>
        <translation>所选职责的结束日期(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;End duty</source>
        <translation>结束职责(&amp;E)</translation>
    </message>
    <message>
        <source>Saved lines stay in the log for inspection: end a duty instead of deleting it.</source>
        <translation>已保存的行保留在授权分工表中以备检查：请结束职责，而不是删除。</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <source>Duties delegated on this trial and active today; hover a cell for the full log</source>
        <translation>本试验中今日有效的授权职责；鼠标悬停可查看完整记录</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Delegated duties</source>
        <translation>授权职责</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>{duty} ({date}–)</source>
        <translation>{duty}（{date} 起）</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Retired on {date}</source>
        <translation>{date} 起停用</translation>
    </message>
    <message>
        <source>open</source>
        <translation>至今</translation>
    </message>
    <message>
        <source>{duty}: {start} – {end}</source>
        <translation>{duty}：{start} – {end}</translation>
    </message>
    <message>
        <source>Delegation log for this trial:</source>
        <translation>本试验的授权分工表：</translation>
    </message>
    <message>
        <source>{display} (international: {e164})</source>
        <translation>{display}（国际格式：{e164}）</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>&amp;Add contact…</source>
        <translation>添加联系人(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;tire…</source>
        <translation>停用(&amp;T)…</translation>
    </message>
    <message>
        <source>Copy &amp;phone</source>
        <translation>复制电话(&amp;P)</translation>
    </message>
    <message>
        <source>Copy e-&amp;mail</source>
        <translation>复制邮箱(&amp;M)</translation>
    </message>
    <message>
        <source>Add a person or organisation</source>
        <translation>添加个人或单位</translation>
    </message>
    <message>
        <source>Change the selected contact and its delegation log (double-click a row)</source>
        <translation>修改所选联系人及其授权分工表（或双击该行）</translation>
    </message>
    <message>
        <source>Copy the selected contact&apos;s number as you dial it (Ctrl+C): national format for Chinese numbers, +country code for others</source>
        <translation>按拨号格式复制所选联系人的号码（Ctrl+C）：国内号码为国内格式，其他号码带 +国家代码</translation>
    </message>
    <message>
        <source>Copy the selected contact&apos;s e-mail address</source>
        <translation>复制所选联系人的电子邮箱地址</translation>
    </message>
    <message>
        <source>Rein&amp;state</source>
        <translation>恢复(&amp;S)</translation>
    </message>
    <message>
        <source>Make the retired contact active again</source>
        <translation>将已停用的联系人恢复为在职</translation>
    </message>
    <message>
        <source>The contact has left: keep it on record, end its open duties</source>
        <translation>该联系人已离开：保留其记录，结束其进行中的职责</translation>
    </message>
    <message>
        <source>No contacts yet. Use “Add contact…” to record site staff and their delegated duties.</source>
        <translation>尚无联系人。请使用“添加联系人…”记录中心工作人员及其授权职责。</translation>
    </message>
    <message>
        <source>No contact matches the search or category. Clear the search to see everyone.</source>
        <translation>没有符合搜索条件或类别的联系人。清除搜索可查看全部。</translation>
    </message>
    <message>
        <source>All contacts are retired. Tick “Show retired” to see them.</source>
        <translation>所有联系人均已停用。勾选“显示已停用”可查看。</translation>
    </message>
    <message>
        <source>{shown} of {total} contacts</source>
        <translation>显示 {shown} / {total} 位联系人</translation>
    </message>
    <message>
        <source>Contact not added</source>
        <translation>联系人未添加</translation>
    </message>
    <message>
        <source>Added {name}.</source>
        <translation>已添加 {name}。</translation>
    </message>
    <message>
        <source>Contact not saved</source>
        <translation>联系人未保存</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>已保存 {name}。</translation>
    </message>
    <message>
        <source>Contact not retired</source>
        <translation>联系人未停用</translation>
    </message>
    <message>
        <source>Retired {name} on {date}; open duties ended.</source>
        <translation>已于 {date} 停用 {name}；进行中的职责已结束。</translation>
    </message>
    <message>
        <source>Reinstate contact</source>
        <translation>恢复联系人</translation>
    </message>
    <message>
        <source>Make {name} active again? Ended duties stay ended; add new lines in Edit.</source>
        <translation>将 {name} 恢复为在职？已结束的职责保持结束；可在“编辑”中添加新行。</translation>
    </message>
    <message>
        <source>Contact not reinstated</source>
        <translation>联系人未恢复</translation>
    </message>
    <message>
        <source>Reinstated {name}.</source>
        <translation>已恢复 {name}。</translation>
    </message>
    <message>
        <source>Copied phone {phone} ({name}).</source>
        <translation>已复制电话 {phone}（{name}）。</translation>
    </message>
    <message>
        <source>Copied e-mail {email} ({name}).</source>
        <translation>已复制邮箱 {email}（{name}）。</translation>
    </message>
    <message>
        <source>Search name, organisation, role, phone, e-mail, duty…</source>
        <translation>搜索姓名、单位、角色、电话、邮箱、职责…</translation>
    </message>
    <message>
        <source>Show one kind of contact</source>
        <translation>只显示一类联系人</translation>
    </message>
    <message>
        <source>Show &amp;retired</source>
        <translation>显示已停用(&amp;R)</translation>
    </message>
    <message>
        <source>Also list contacts who have left; they stay in the delegation log</source>
        <translation>同时列出已离开的联系人；他们仍保留在授权分工表中</translation>
    </message>
</context>
<context>
    <name>DateFactEditor</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>DelegationTableModel</name>
    <message>
        <source>Duty</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>open</source>
        <translation>至今</translation>
    </message>
    <message>
        <source>new, saved on OK</source>
        <translation>新增，点“确定”后保存</translation>
    </message>
    <message>
        <source>end date set, saved on OK</source>
        <translation>已设结束日期，点“确定”后保存</translation>
    </message>
</context>
<context>
    <name>DeviationTableModel</name>
    <message>
        <source>Visit</source>
        <translation>访视</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生情况</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Outside the visit window</source>
        <translation>超出访视窗</translation>
    </message>
    <message>
        <source>Cell dose</source>
        <translation>细胞剂量</translation>
    </message>
    <message>
        <source>{when} by {who}</source>
        <translation>{when}，{who}</translation>
    </message>
</context>
<context>
    <name>Dose1Dialog</name>
    <message>
        <source>Book dose 1 — {subject}</source>
        <translation>预约第 1 剂 — {subject}</translation>
    </message>
    <message>
        <source>Confirming dose 1 for {subject} puts every visit of the protocol on the calendar with its target date and window. The proposed day is the first working day with room for another infusion.</source>
        <translation>确认 {subject} 的第 1 剂后，方案规定的全部访视将连同目标日期和访视窗排入日历。建议日期为第一个尚可安排输注的工作日。</translation>
    </message>
    <message>
        <source>Dose 1 on:</source>
        <translation>第 1 剂日期：</translation>
    </message>
    <message>
        <source>Only when screening would fall outside its window</source>
        <translation>仅当筛选会超出其时间窗时填写</translation>
    </message>
    <message>
        <source>Deviation reason:</source>
        <translation>偏离原因：</translation>
    </message>
    <message>
        <source>Book dose 1</source>
        <translation>预约第 1 剂</translation>
    </message>
    <message>
        <source>{date} — {flag}: is the ward open for an infusion?</source>
        <translation>{date} — {flag}：病房当天能进行输注吗？</translation>
    </message>
</context>
<context>
    <name>Duties</name>
    <message>
        <source>Principal investigator oversight</source>
        <translation>主要研究者监督</translation>
    </message>
    <message>
        <source>Obtain informed consent</source>
        <translation>获取知情同意</translation>
    </message>
    <message>
        <source>Assess eligibility</source>
        <translation>入选资格评估</translation>
    </message>
    <message>
        <source>Medical history and physical examination</source>
        <translation>病史采集与体格检查</translation>
    </message>
    <message>
        <source>Administer investigational product</source>
        <translation>试验用药品给药</translation>
    </message>
    <message>
        <source>Investigational product accountability</source>
        <translation>试验用药品管理</translation>
    </message>
    <message>
        <source>Adverse event assessment</source>
        <translation>不良事件评估</translation>
    </message>
    <message>
        <source>Sample collection and processing</source>
        <translation>样本采集与处理</translation>
    </message>
    <message>
        <source>Case report form entry</source>
        <translation>病例报告表录入</translation>
    </message>
    <message>
        <source>Query resolution</source>
        <translation>数据质疑处理</translation>
    </message>
</context>
<context>
    <name>EditAccountDialog</name>
    <message>
        <source>Edit {user}</source>
        <translation>编辑 {user}</translation>
    </message>
    <message>
        <source>Signatures already given keep the name and role they were given with; the change applies from now on.</source>
        <translation>已有签名保留签名时的姓名和角色；修改自现在起生效。</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>全名(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>原因(&amp;E)：</translation>
    </message>
    <message>
        <source>e.g. appointed sub-investigator by the PI</source>
        <translation>例如：经主要研究者任命为协助研究者</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>EligibilityDialogs</name>
    <message>
        <source>{field} “{value}”: {problem}</source>
        <translation>{field}“{value}”：{problem}</translation>
    </message>
</context>
<context>
    <name>EligibilityTab</name>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Consent form for the selected subject…</source>
        <translation>所选受试者的知情同意书…</translation>
    </message>
    <message>
        <source>Eligibility checklist for the selected subject…</source>
        <translation>所选受试者的入选评估核查表…</translation>
    </message>
    <message>
        <source>Screening log…</source>
        <translation>筛选日志…</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <source>{shown} of {total} subjects</source>
        <translation>显示 {shown} / {total} 名受试者</translation>
    </message>
    <message>
        <source>No subjects registered yet. Use “Register subject…” for a new candidate, or import the site&apos;s screening log.</source>
        <translation>尚未登记受试者。请用“登记受试者…”登记新的候选者，或导入本中心的筛选日志。</translation>
    </message>
    <message>
        <source>No subject matches the search or status. Clear the search to see everyone.</source>
        <translation>没有符合搜索条件或状态的受试者。清除搜索可查看全部。</translation>
    </message>
    <message>
        <source>born {date} (age {age} on the assessment date)</source>
        <translation>出生于 {date}（评估日 {age} 岁）</translation>
    </message>
    <message>
        <source>ID {number}</source>
        <translation>证件号 {number}</translation>
    </message>
    <message>
        <source>phone {number}</source>
        <translation>电话 {number}</translation>
    </message>
    <message>
        <source>screened on {date}</source>
        <translation>{date} 筛选</translation>
    </message>
    <message>
        <source>{status} since {date}</source>
        <translation>自 {date} 起{status}</translation>
    </message>
    <message>
        <source>{status} on {date}</source>
        <translation>{date} {status}</translation>
    </message>
    <message>
        <source>{status}: {reason}</source>
        <translation>{status}：{reason}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Eligible&lt;/b&gt; on {date}: every inclusion criterion is met and no exclusion criterion applies.</source>
        <translation>{date} &lt;b&gt;符合入选&lt;/b&gt;：满足全部入选标准，且不符合任何排除标准。</translation>
    </message>
    <message>
        <source>{code} {state}: {text}</source>
        <translation>{code} {state}：{text}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not eligible&lt;/b&gt; on {date}:</source>
        <translation>{date} &lt;b&gt;不符合入选&lt;/b&gt;：</translation>
    </message>
    <message>
        <source>Also not yet known: {items}</source>
        <translation>另有尚未知晓的项目：{items}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Incomplete&lt;/b&gt;: the subject cannot be called eligible until every item is known. Still missing: {items}</source>
        <translation>&lt;b&gt;资料不全&lt;/b&gt;：所有项目齐全之前不能判定受试者符合入选。仍缺少：{items}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not recorded.&lt;/b&gt; Consent must be recorded before the verdict can be signed.</source>
        <translation>&lt;b&gt;未记录。&lt;/b&gt;须先记录知情同意，才能签署结论。</translation>
    </message>
    <message>
        <source>Record &amp;consent…</source>
        <translation>记录知情同意(&amp;C)…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Version &lt;b&gt;{version}&lt;/b&gt; signed {time} · obtained by {who} · copy given: {copy}</source>
        <translation>版本 &lt;b&gt;{version}&lt;/b&gt;，{time} 签署 · 获取人 {who} · 已给副本：{copy}</translation>
    </message>
    <message>
        <source>Record new &amp;consent…</source>
        <translation>记录新的知情同意(&amp;C)…</translation>
    </message>
    <message>
        <source>Signed &lt;b&gt;{verdict}&lt;/b&gt; by {name} on {time} — {meaning}</source>
        <translation>{name} 于 {time} 签署 &lt;b&gt;{verdict}&lt;/b&gt; — {meaning}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not signed:&lt;/b&gt; the earlier signature was superseded by a change. Sign again.</source>
        <translation>&lt;b&gt;未签名：&lt;/b&gt;之前的签名因数据修改而失效。请重新签名。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not signed yet.&lt;/b&gt;</source>
        <translation>&lt;b&gt;尚未签名。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Superseded {time}: {signature}</source>
        <translation>{time} 失效：{signature}</translation>
    </message>
    <message>
        <source>An investigator signs the verdict shown above with their user name and password</source>
        <translation>由研究者用其用户名和密码签署上方显示的结论</translation>
    </message>
    <message>
        <source>Enrol the subject and give the next subject number</source>
        <translation>受试者入组，并分配下一个受试者编号</translation>
    </message>
    <message>
        <source>Enrolment needs a subject in screening with a signed eligible verdict</source>
        <translation>入组要求受试者处于筛选中且已签署“符合入选”的结论</translation>
    </message>
    <message>
        <source>End screening: the subject is not enrolled</source>
        <translation>结束筛选：受试者不入组</translation>
    </message>
    <message>
        <source>An enrolled subject leaves the trial early</source>
        <translation>已入组的受试者提前退出试验</translation>
    </message>
    <message>
        <source>An enrolled subject has finished the trial</source>
        <translation>已入组的受试者完成了试验</translation>
    </message>
    <message>
        <source>Only subjects in screening are signed off.</source>
        <translation>只有筛选中的受试者需要签署结论。</translation>
    </message>
    <message>
        <source>The verdict is signed. A change to the data supersedes the signature.</source>
        <translation>结论已签署。数据的任何修改都会使签名失效。</translation>
    </message>
    <message>
        <source>Record the informed consent first.</source>
        <translation>请先记录知情同意。</translation>
    </message>
    <message>
        <source>An incomplete checklist cannot be signed: enter the missing facts first.</source>
        <translation>资料不全的核查表不能签署：请先录入缺少的数据项。</translation>
    </message>
    <message>
        <source>Import screening log</source>
        <translation>导入筛选日志</translation>
    </message>
    <message>
        <source>Screening log (*.csv);;All files (*)</source>
        <translation>筛选日志 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export screening log</source>
        <translation>导出筛选日志</translation>
    </message>
    <message>
        <source>CSV (*.csv);;PDF (*.pdf)</source>
        <translation>CSV (*.csv);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>修改原因</translation>
    </message>
    <message>
        <source>The verdict of {number} was signed by {name}. This change supersedes the signature and the investigator must sign again. Why is it made?</source>
        <translation>{number} 的结论已由 {name} 签署。此修改将使该签名失效，研究者须重新签名。修改原因是什么？</translation>
    </message>
    <message>
        <source>Not changed: no reason was given.</source>
        <translation>未修改：没有填写原因。</translation>
    </message>
    <message>
        <source>{number}: this changes data already saved. Why is it changed?</source>
        <translation>{number}：此操作将修改已保存的数据。修改原因是什么？</translation>
    </message>
    <message>
        <source>{code}: {old} → {new}</source>
        <translation>{code}：{old} → {new}</translation>
    </message>
    <message>
        <source>Fact not saved</source>
        <translation>数据项未保存</translation>
    </message>
    <message>
        <source>Saved {fact}: {value}.</source>
        <translation>已保存 {fact}：{value}。</translation>
    </message>
    <message>
        <source>Subject not registered</source>
        <translation>受试者未登记</translation>
    </message>
    <message>
        <source>Registered {name} as {number}.</source>
        <translation>已登记 {name}，筛选号 {number}。</translation>
    </message>
    <message>
        <source>Details not saved</source>
        <translation>资料未保存</translation>
    </message>
    <message>
        <source>Saved the details of {number}.</source>
        <translation>已保存 {number} 的资料。</translation>
    </message>
    <message>
        <source>Assessment date not changed</source>
        <translation>评估日期未修改</translation>
    </message>
    <message>
        <source>Assessed on {date}.</source>
        <translation>评估日期：{date}。</translation>
    </message>
    <message>
        <source>Consent not recorded</source>
        <translation>知情同意未记录</translation>
    </message>
    <message>
        <source>Recorded consent of {number}.</source>
        <translation>已记录 {number} 的知情同意。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{verdict}&lt;/b&gt; for {name}, assessed on {date}: fails {codes}.</source>
        <translation>{name}：&lt;b&gt;{verdict}&lt;/b&gt;，评估日期 {date}：不满足 {codes}。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{verdict}&lt;/b&gt; for {name}, assessed on {date}.</source>
        <translation>{name}：&lt;b&gt;{verdict}&lt;/b&gt;，评估日期 {date}。</translation>
    </message>
    <message>
        <source>By signing, the investigator approves this eligibility verdict. Any later change to the facts, consent or assessment date supersedes the signature.</source>
        <translation>研究者签名即批准此入选结论。之后对数据项、知情同意或评估日期的任何修改都会使签名失效。</translation>
    </message>
    <message>
        <source>Sign the eligibility verdict: {number}</source>
        <translation>签署入选结论：{number}</translation>
    </message>
    <message>
        <source>Why the verdict is signed again, e.g. PT result corrected</source>
        <translation>重新签署结论的原因，例如：PT 结果已更正</translation>
    </message>
    <message>
        <source>Verdict not signed</source>
        <translation>结论未签署</translation>
    </message>
    <message>
        <source>{name} signed {number}: {verdict}.</source>
        <translation>{name} 已签署 {number}：{verdict}。</translation>
    </message>
    <message>
        <source>Subject not enrolled</source>
        <translation>受试者未入组</translation>
    </message>
    <message>
        <source>Enrolment target reached</source>
        <translation>已达到入组目标</translation>
    </message>
    <message>
        <source>{message}

To enrol beyond the target, give the reason (e.g. the sponsor&apos;s approval).</source>
        <translation>{message}

如需超出目标入组，请填写原因（例如：申办者的批准）。</translation>
    </message>
    <message>
        <source>Enrolled {name} as {number}.</source>
        <translation>{name} 已入组，受试者编号 {number}。</translation>
    </message>
    <message>
        <source>Screening not ended</source>
        <translation>筛选未结束</translation>
    </message>
    <message>
        <source>Subject not withdrawn</source>
        <translation>受试者未退出</translation>
    </message>
    <message>
        <source>Subject not completed</source>
        <translation>受试者未完成</translation>
    </message>
    <message>
        <source>{number}: {status}.</source>
        <translation>{number}：{status}。</translation>
    </message>
    <message>
        <source>Screening log not imported</source>
        <translation>筛选日志未导入</translation>
    </message>
    <message>
        <source>{file} has {count} problem(s). Nothing was imported: correct the file and import it again.</source>
        <translation>{file} 有 {count} 处问题。未导入任何内容：请更正文件后重新导入。</translation>
    </message>
    <message>
        <source>Imported {count} subject(s) from {file}.</source>
        <translation>已从 {file} 导入 {count} 名受试者。</translation>
    </message>
    <message>
        <source>Screening log not exported</source>
        <translation>筛选日志未导出</translation>
    </message>
    <message>
        <source>{file}: choose a .csv or .pdf file name.</source>
        <translation>{file}：请选择 .csv 或 .pdf 文件名。</translation>
    </message>
    <message>
        <source>Exported {count} subject(s) to {file}.</source>
        <translation>已将 {count} 名受试者导出到 {file}。</translation>
    </message>
    <message>
        <source>Search screening no., subject no. or name…</source>
        <translation>搜索筛选号、受试者编号或姓名…</translation>
    </message>
    <message>
        <source>Show subjects with one status</source>
        <translation>只显示某一状态的受试者</translation>
    </message>
    <message>
        <source>&amp;Register subject…</source>
        <translation>登记受试者(&amp;R)…</translation>
    </message>
    <message>
        <source>Register a new candidate in screening; the next screening number is given</source>
        <translation>登记新的筛选候选者，并分配下一个筛选号</translation>
    </message>
    <message>
        <source>&amp;Import log…</source>
        <translation>导入日志(&amp;I)…</translation>
    </message>
    <message>
        <source>Import the site&apos;s screening log (CSV): all rows or none</source>
        <translation>导入本中心的筛选日志（CSV）：要么全部导入，要么一行都不导入</translation>
    </message>
    <message>
        <source>Read the site&apos;s screening log saved as CSV: every row is checked first, and nothing is imported if any row has a problem</source>
        <translation>读取保存为 CSV 的本中心筛选日志：先检查每一行，任何一行有问题则不导入任何内容</translation>
    </message>
    <message>
        <source>E&amp;xport log…</source>
        <translation>导出日志(&amp;X)…</translation>
    </message>
    <message>
        <source>Export the screening log as CSV or PDF</source>
        <translation>将筛选日志导出为 CSV 或 PDF</translation>
    </message>
    <message>
        <source>Save the screening log of this trial as CSV (for the monitor&apos;s spreadsheet) or PDF (for the file)</source>
        <translation>将本试验的筛选日志保存为 CSV（供监查员的电子表格使用）或 PDF（归档用）</translation>
    </message>
    <message>
        <source>Select a subject to see their checklist, or register a new candidate.</source>
        <translation>选择一名受试者以查看其核查表，或登记新的候选者。</translation>
    </message>
    <message>
        <source>&amp;Edit details…</source>
        <translation>编辑资料(&amp;E)…</translation>
    </message>
    <message>
        <source>Correct the name, sex, date of birth, phone or identity number</source>
        <translation>更正姓名、性别、出生日期、电话或身份证号</translation>
    </message>
    <message>
        <source>&amp;Assessed on:</source>
        <translation>评估日期(&amp;A)：</translation>
    </message>
    <message>
        <source>The day the criteria are assessed on (ages, durations and &quot;within N weeks&quot; count to this day). A paper screening entered later may be back-dated.</source>
        <translation>评估各项标准所依据的日期（年龄、病程和“N 周内”均计算到这一天）。事后录入的纸质筛选可以回溯日期。</translation>
    </message>
    <message>
        <source>Change date</source>
        <translation>修改日期</translation>
    </message>
    <message>
        <source>Assess the criteria on the date chosen at the left</source>
        <translation>按左侧所选日期评估各项标准</translation>
    </message>
    <message>
        <source>E&amp;nrol…</source>
        <translation>入组(&amp;N)…</translation>
    </message>
    <message>
        <source>Screen &amp;fail…</source>
        <translation>筛选失败(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>退出(&amp;W)…</translation>
    </message>
    <message>
        <source>Co&amp;mplete…</source>
        <translation>完成(&amp;M)…</translation>
    </message>
    <message>
        <source>Informed consent</source>
        <translation>知情同意</translation>
    </message>
    <message>
        <source>Record the signed informed consent form: version, date and time, who obtained it</source>
        <translation>记录已签署的知情同意书：版本、日期和时间、获取人</translation>
    </message>
    <message>
        <source>Investigator sign-off</source>
        <translation>研究者签署</translation>
    </message>
    <message>
        <source>&amp;Sign verdict…</source>
        <translation>签署结论(&amp;S)…</translation>
    </message>
    <message>
        <source>Checklist (IN inclusion, EX exclusion)</source>
        <translation>核查表（IN 入选，EX 排除）</translation>
    </message>
    <message>
        <source>Facts (double-click a value to enter it)</source>
        <translation>数据项（双击数值进行录入）</translation>
    </message>
    <message>
        <source>S&amp;ource of new entries:</source>
        <translation>新录入的来源(&amp;O)：</translation>
    </message>
    <message>
        <source>e.g. outpatient record 2021-10-12</source>
        <translation>例如：门诊病历 2021-10-12</translation>
    </message>
    <message>
        <source>Recorded as the source of each value you enter that has no source yet; edit the Source column to change one fact&apos;s source</source>
        <translation>作为您录入的每个尚无来源的数值的来源；修改单个数据项的来源请编辑“来源”列</translation>
    </message>
</context>
<context>
    <name>EligibilityText</name>
    <message>
        <source>not entered</source>
        <translation>未录入</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Informed consent</source>
        <translation>知情同意</translation>
    </message>
    <message>
        <source>{code} (no rule in the protocol: cannot be assessed)</source>
        <translation>{code}（方案中没有判定规则：无法评估）</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>signed {date}</source>
        <translation>{date} 签署</translation>
    </message>
    <message>
        <source>registration</source>
        <translation>登记信息</translation>
    </message>
    <message>
        <source>consent record</source>
        <translation>知情同意记录</translation>
    </message>
    <message>
        <source>age {n}</source>
        <translation>年龄 {n}</translation>
    </message>
    <message>
        <source>{n} full years since</source>
        <translation>已满 {n} 年</translation>
    </message>
    <message>
        <source>{n} full months since</source>
        <translation>已满 {n} 个月</translation>
    </message>
    <message>
        <source>value {n}</source>
        <translation>数值 {n}</translation>
    </message>
    <message>
        <source>difference {n}</source>
        <translation>差值 {n}</translation>
    </message>
    <message>
        <source>{n} days before</source>
        <translation>{n} 天前</translation>
    </message>
</context>
<context>
    <name>FactsModel</name>
    <message>
        <source>Fact</source>
        <translation>数据项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Double-click to enter the value as it reads in the source document</source>
        <translation>双击录入数值，与原始资料所载一致</translation>
    </message>
    <message>
        <source>Where the value comes from, e.g. outpatient record 2021-10-12</source>
        <translation>数值的出处，例如：门诊病历 2021-10-12</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Trial Coordinator: first start</source>
        <translation>临床试验协调员工作台：首次启动</translation>
    </message>
    <message>
        <source>&lt;b&gt;This database has no staff accounts yet.&lt;/b&gt; Create the administrator&apos;s account first: the administrator adds the staff&apos;s accounts and gives them their roles, but does not record clinical data.</source>
        <translation>&lt;b&gt;此数据库尚无工作人员账户。&lt;/b&gt;请先创建管理员账户：管理员负责添加工作人员账户并分配角色，但不录入临床数据。</translation>
    </message>
    <message>
        <source>Database: {url}</source>
        <translation>数据库：{url}</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>lower-case, e.g. wang.li</source>
        <translation>小写字母，例如 wang.li</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>全名(&amp;F)：</translation>
    </message>
    <message>
        <source>as printed beside signatures</source>
        <translation>将打印在签名旁</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>确认密码(&amp;C)：</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same password twice.</source>
        <translation>两次输入的密码不一致：请输入两次相同的密码。</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>Sign out</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Sign out and close every window of Trial Coordinator? Anything typed and not saved in them is lost. The sign-in then opens for the next user.</source>
        <translation>注销并关闭临床试验协调员工作台的所有窗口？窗口中已输入但未保存的内容将丢失。随后为下一位用户打开登录窗口。</translation>
    </message>
</context>
<context>
    <name>InfusionRecordDialog</name>
    <message>
        <source>Infusion record {visit} — {subject}</source>
        <translation>输注记录 {visit} — {subject}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{subject}&lt;/b&gt; · {visit} · booked {date}. Saving marks the infusion given.</source>
        <translation>&lt;b&gt;{subject}&lt;/b&gt; · {visit} · 预约于 {date}。保存即标记为已输注。</translation>
    </message>
    <message>
        <source>Protocol dose: {target}. Outside the tolerance it is saved only as a deviation, with a reason.</source>
        <translation>方案剂量：{target}。超出允许范围时只能作为方案偏离保存，并须填写原因。</translation>
    </message>
    <message>
        <source>Preparation, start and end must follow each other.</source>
        <translation>制备、开始和结束时间必须依次先后。</translation>
    </message>
    <message>
        <source>{minutes} min from preparation to the end of the infusion: above the site&apos;s limit of {limit} min.</source>
        <translation>从制备到输注结束共 {minutes} 分钟：超过本中心 {limit} 分钟的上限。</translation>
    </message>
    <message>
        <source>{minutes} min from preparation to the end of the infusion (limit {limit} min).</source>
        <translation>从制备到输注结束共 {minutes} 分钟（上限 {limit} 分钟）。</translation>
    </message>
    <message>
        <source>Infusion record</source>
        <translation>输注记录</translation>
    </message>
    <message>
        <source>Cell product</source>
        <translation>细胞制剂</translation>
    </message>
    <message>
        <source>Product &amp;lot:</source>
        <translation>制剂批号(&amp;L)：</translation>
    </message>
    <message>
        <source>e.g. the lot on the bag label</source>
        <translation>例如：细胞袋标签上的批号</translation>
    </message>
    <message>
        <source>Release &amp;certificate no.:</source>
        <translation>放行证书编号(&amp;C)：</translation>
    </message>
    <message>
        <source>QA release certificate number</source>
        <translation>质量放行证书编号</translation>
    </message>
    <message>
        <source>Cells per &amp;dose:</source>
        <translation>每剂细胞数(&amp;D)：</translation>
    </message>
    <message>
        <source>1.0e8</source>
        <translation>1.0e8</translation>
    </message>
    <message>
        <source>Viability at release (%):</source>
        <translation>放行时细胞活率（%）：</translation>
    </message>
    <message>
        <source>from the certificate</source>
        <translation>见放行证书</translation>
    </message>
    <message>
        <source>Viability at the bedside (%):</source>
        <translation>床旁细胞活率（%）：</translation>
    </message>
    <message>
        <source>measured before the infusion</source>
        <translation>输注前测定</translation>
    </message>
    <message>
        <source>Transport temperature (°C):</source>
        <translation>运输温度（°C）：</translation>
    </message>
    <message>
        <source>on arrival</source>
        <translation>到达时</translation>
    </message>
    <message>
        <source>Infusion</source>
        <translation>输注</translation>
    </message>
    <message>
        <source>Infusion &amp;date:</source>
        <translation>输注日期(&amp;D)：</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>&amp;Prepared (thawed) at:</source>
        <translation>制备（复苏）时间(&amp;P)：</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>Infusion &amp;started at:</source>
        <translation>输注开始时间(&amp;S)：</translation>
    </message>
    <message>
        <source>Infusion &amp;ended at:</source>
        <translation>输注结束时间(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Volume (mL):</source>
        <translation>输注量（mL）(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Rate (mL/h):</source>
        <translation>滴速（mL/h）(&amp;R)：</translation>
    </message>
    <message>
        <source>Vital signs (minutes from the start of the infusion)</source>
        <translation>生命体征（自输注开始的分钟数）</translation>
    </message>
    <message>
        <source>Immediate &amp;reactions:</source>
        <translation>即时反应(&amp;R)：</translation>
    </message>
    <message>
        <source>None, or what happened and what was done</source>
        <translation>无，或发生的情况及处理</translation>
    </message>
    <message>
        <source>&amp;Administered by:</source>
        <translation>执行人(&amp;A)：</translation>
    </message>
    <message>
        <source>C&amp;hecked by:</source>
        <translation>核对人(&amp;H)：</translation>
    </message>
    <message>
        <source>a second person</source>
        <translation>另一名人员</translation>
    </message>
</context>
<context>
    <name>LabDialog</name>
    <message>
        <source>Lab result of {subject}</source>
        <translation>{subject} 的实验室检查结果</translation>
    </message>
    <message>
        <source>(from the date)</source>
        <translation>（按日期确定）</translation>
    </message>
    <message>
        <source>Analyte</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Sample date</source>
        <translation>采样日期</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>访视</translation>
    </message>
    <message>
        <source>(ratio)</source>
        <translation>（比值）</translation>
    </message>
</context>
<context>
    <name>LabTableModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Analyte</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <source>Value (SI)</source>
        <translation>数值（SI 单位）</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Entered as</source>
        <translation>录入值</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Screening</source>
        <translation>筛选中</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>已入组</translation>
    </message>
    <message>
        <source>Screen failed</source>
        <translation>筛选失败</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Site staff</source>
        <translation>中心工作人员</translation>
    </message>
    <message>
        <source>Sponsor</source>
        <translation>申办者</translation>
    </message>
    <message>
        <source>Central contact</source>
        <translation>中心联系人</translation>
    </message>
    <message>
        <source>Facility contact</source>
        <translation>研究机构联系人</translation>
    </message>
    <message>
        <source>Cell manufacturer</source>
        <translation>细胞制备单位</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>运输单位</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>药房</translation>
    </message>
    <message>
        <source>Ethics committee</source>
        <translation>伦理委员会</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>符合入选</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>不符合入选</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>资料不全</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>满足</translation>
    </message>
    <message>
        <source>Fails</source>
        <translation>不满足</translation>
    </message>
    <message>
        <source>Applies</source>
        <translation>符合排除</translation>
    </message>
    <message>
        <source>Does not apply</source>
        <translation>不符合排除</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Yes / no</source>
        <translation>是 / 否</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Date, or none</source>
        <translation>日期或无</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>未到访</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>研究协调员</translation>
    </message>
    <message>
        <source>Research nurse</source>
        <translation>研究护士</translation>
    </message>
    <message>
        <source>Investigator</source>
        <translation>研究者</translation>
    </message>
    <message>
        <source>Monitor (read-only)</source>
        <translation>监查员（只读）</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Recruiting</source>
        <translation>招募中</translation>
    </message>
    <message>
        <source>Not yet recruiting</source>
        <translation>尚未招募</translation>
    </message>
    <message>
        <source>Active, not recruiting</source>
        <translation>进行中，不再招募</translation>
    </message>
    <message>
        <source>Enrolling by invitation</source>
        <translation>邀请入组</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Early phase 1</source>
        <translation>早期 I 期</translation>
    </message>
    <message>
        <source>Phase 1</source>
        <translation>I 期</translation>
    </message>
    <message>
        <source>Phase 2</source>
        <translation>II 期</translation>
    </message>
    <message>
        <source>Phase 3</source>
        <translation>III 期</translation>
    </message>
    <message>
        <source>Phase 4</source>
        <translation>IV 期</translation>
    </message>
    <message>
        <source>Interventional</source>
        <translation>干预性研究</translation>
    </message>
    <message>
        <source>Observational</source>
        <translation>观察性研究</translation>
    </message>
    <message>
        <source>Single group</source>
        <translation>单组</translation>
    </message>
    <message>
        <source>Parallel</source>
        <translation>平行</translation>
    </message>
    <message>
        <source>Crossover</source>
        <translation>交叉</translation>
    </message>
    <message>
        <source>Randomised</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Non-randomised</source>
        <translation>非随机</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>治疗</translation>
    </message>
    <message>
        <source>Open label</source>
        <translation>开放标签</translation>
    </message>
    <message>
        <source>Single blind</source>
        <translation>单盲</translation>
    </message>
    <message>
        <source>Double blind</source>
        <translation>双盲</translation>
    </message>
    <message>
        <source>Experimental</source>
        <translation>试验组</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>药物</translation>
    </message>
    <message>
        <source>Biological</source>
        <translation>生物制品</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>approved eligibility verdict</source>
        <translation>批准入选结论</translation>
    </message>
    <message>
        <source>administered</source>
        <translation>已实施输注</translation>
    </message>
    <message>
        <source>assessed adverse event</source>
        <translation>已评估不良事件</translation>
    </message>
    <message>
        <source>completed visit</source>
        <translation>已完成访视</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;System (default)</source>
        <translation>跟随系统（默认）(&amp;S)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language takes effect the next time Trial Coordinator starts. Nothing changes now: carry on working, nothing is lost.</source>
        <translation>新的界面语言将在下次启动临床试验协调员工作台时生效。现在一切保持不变：请继续工作，不会丢失任何内容。</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <source>Trial Coordinator is locked</source>
        <translation>临床试验协调员工作台已锁定</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Overview</source>
        <translation>概览(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Eligibility</source>
        <translation>入选评估(&amp;E)</translation>
    </message>
    <message>
        <source>Infusion &amp;calendar</source>
        <translation>输注日历(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;ontacts</source>
        <translation>联系人(&amp;O)</translation>
    </message>
    <message>
        <source>Trial Coordinator</source>
        <translation>临床试验协调员工作台</translation>
    </message>
    <message>
        <source> [DEMO]</source>
        <translation> [演示]</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Database: {url}</source>
        <translation>数据库：{url}</translation>
    </message>
    <message>
        <source>Signed in: {name} · {role}</source>
        <translation>已登录：{name} · {role}</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>Choose a subject on the Eligibility tab first.</source>
        <translation>请先在“入选评估”标签页选择一名受试者。</translation>
    </message>
    <message>
        <source>Load protocol file</source>
        <translation>载入方案文件</translation>
    </message>
    <message>
        <source>Protocol files (*.toml)</source>
        <translation>方案文件 (*.toml)</translation>
    </message>
    <message>
        <source>Import ClinicalTrials.gov record</source>
        <translation>导入 ClinicalTrials.gov 记录</translation>
    </message>
    <message>
        <source>ClinicalTrials.gov API v2 records (*.json)</source>
        <translation>ClinicalTrials.gov API v2 记录 (*.json)</translation>
    </message>
    <message>
        <source>The file cannot be used</source>
        <translation>该文件无法使用</translation>
    </message>
    <message>
        <source>Trial not loaded</source>
        <translation>试验未载入</translation>
    </message>
    <message>
        <source>Loaded {trials}.</source>
        <translation>已载入 {trials}。</translation>
    </message>
    <message>
        <source>&amp;Trial:</source>
        <translation>试验(&amp;T)：</translation>
    </message>
    <message>
        <source>The trial shown in every tab</source>
        <translation>各标签页显示的试验</translation>
    </message>
    <message>
        <source>DEMO DATA: synthetic subjects for training only</source>
        <translation>演示数据：虚构受试者，仅供培训</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Load protocol file…</source>
        <translation>载入方案文件(&amp;L)…</translation>
    </message>
    <message>
        <source>Add a trial, or update one, from a protocol file (TOML)</source>
        <translation>从方案文件（TOML）添加或更新试验</translation>
    </message>
    <message>
        <source>&amp;Import ClinicalTrials.gov record…</source>
        <translation>导入 ClinicalTrials.gov 记录(&amp;I)…</translation>
    </message>
    <message>
        <source>Add a trial from a study record downloaded from ClinicalTrials.gov (API v2 JSON)</source>
        <translation>从 ClinicalTrials.gov 下载的研究记录（API v2 JSON）添加试验</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>稽查轨迹(&amp;A)…</translation>
    </message>
    <message>
        <source>Who changed what and when, for every subject and table; export it or check its hash chain</source>
        <translation>每位受试者、每个数据表由谁在何时修改了什么；可导出或校验哈希链</translation>
    </message>
    <message>
        <source>Subject &amp;history…</source>
        <translation>受试者修改历史(&amp;H)…</translation>
    </message>
    <message>
        <source>The audit trail of the subject chosen on the Eligibility tab</source>
        <translation>“入选评估”标签页中所选受试者的稽查轨迹</translation>
    </message>
    <message>
        <source>&amp;Change password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>立即锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Hide every window until your password is typed again</source>
        <translation>隐藏所有窗口，直到再次输入您的密码</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Staff accounts…</source>
        <translation>工作人员账户(&amp;S)…</translation>
    </message>
    <message>
        <source>Add staff, change roles, unlock accounts, reset passwords (administrators)</source>
        <translation>添加工作人员、更改角色、解锁账户、重置密码（管理员）</translation>
    </message>
    <message>
        <source>&amp;About Trial Coordinator…</source>
        <translation>关于临床试验协调员工作台(&amp;A)…</translation>
    </message>
    <message>
        <source>Version, and the licences of the bundled font and libraries</source>
        <translation>版本，以及随附字体与程序库的许可证</translation>
    </message>
</context>
<context>
    <name>MarkerLegend</name>
    <message>
        <source>Public holiday</source>
        <translation>法定节假日</translation>
    </message>
</context>
<context>
    <name>Markers</name>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Infusion</source>
        <translation>输注</translation>
    </message>
    <message>
        <source>Follow-up visit</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>Public holiday: {name}</source>
        <translation>法定节假日：{name}</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>周末</translation>
    </message>
</context>
<context>
    <name>MovesDialog</name>
    <message>
        <source>Check what moves — {subject}</source>
        <translation>核对移动的访视 — {subject}</translation>
    </message>
    <message>
        <source>Saving moves {count} visit(s) of {subject}. Reason: {reason}</source>
        <translation>保存后将移动 {subject} 的 {count} 次访视。原因：{reason}</translation>
    </message>
    <message>
        <source>Outside the window — deviation reason: {reason}</source>
        <translation>超出访视窗 — 偏离原因：{reason}</translation>
    </message>
    <message>
        <source>{date} is not a working day ({flag}).</source>
        <translation>{date} 不是工作日（{flag}）。</translation>
    </message>
</context>
<context>
    <name>MovesTableModel</name>
    <message>
        <source>Visit</source>
        <translation>访视</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>New date is</source>
        <translation>新日期为</translation>
    </message>
    <message>
        <source>Window before</source>
        <translation>原访视窗</translation>
    </message>
    <message>
        <source>Window after</source>
        <translation>新访视窗</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>Add a staff account</source>
        <translation>添加工作人员账户</translation>
    </message>
    <message>
        <source>Give the colleague their user name and this first password in person. At the first sign-in they must choose their own password.</source>
        <translation>请当面将用户名和此初始密码交给同事。首次登录时，对方必须设置自己的密码。</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>lower-case, e.g. liu.fang</source>
        <translation>小写字母，例如 liu.fang</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>全名(&amp;F)：</translation>
    </message>
    <message>
        <source>as printed beside signatures</source>
        <translation>将打印在签名旁</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>First &amp;password:</source>
        <translation>初始密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>确认密码(&amp;C)：</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same password twice.</source>
        <translation>两次输入的密码不一致：请输入两次相同的密码。</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <source>empty = unknown</source>
        <translation>留空 = 未知</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Record {visit} — {subject}</source>
        <translation>记录 {visit} — {subject}</translation>
    </message>
    <message>
        <source>{visit}, window {window}</source>
        <translation>{visit}，访视窗 {window}</translation>
    </message>
    <message>
        <source>on</source>
        <translation>于</translation>
    </message>
    <message>
        <source>the subject did not come; the visit can be booked again</source>
        <translation>受试者未到访；可重新预约该访视</translation>
    </message>
    <message>
        <source>the visit will not take place</source>
        <translation>该访视不再进行</translation>
    </message>
    <message>
        <source>An infusion is recorded as given with its infusion record.</source>
        <translation>输注须通过输注记录登记为已输注。</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Screened (all)</source>
        <translation>已筛选（全部）</translation>
    </message>
    <message>
        <source>Places left</source>
        <translation>剩余名额</translation>
    </message>
    <message>
        <source>Serious adverse events to report</source>
        <translation>待报告的严重不良事件</translation>
    </message>
    <message>
        <source>{subject} · {term} · due {deadline} · {left}</source>
        <translation>{subject} · {term} · 截止 {deadline} · {left}</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>This protocol has no visit plan.</source>
        <translation>此方案没有访视计划。</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b3261e&apos;&gt;Overdue&lt;/b&gt; {subject} {visit} (window ended {end})</source>
        <translation>&lt;b style=&apos;color:#b3261e&apos;&gt;已逾期&lt;/b&gt; {subject} {visit}（访视窗已于 {end} 结束）</translation>
    </message>
    <message>
        <source>{date} · {subject} · {visit} {name}</source>
        <translation>{date} · {subject} · {visit} {name}</translation>
    </message>
    <message>
        <source>… and {count} more: the Infusion calendar lists them all.</source>
        <translation>……另有 {count} 项：输注日历中列出全部。</translation>
    </message>
    <message>
        <source>No visit is due in the next 7 days. Visits appear once dose 1 is booked on the Infusion calendar.</source>
        <translation>未来 7 天内没有到期的访视。在“输注日历”预约第 1 剂后，访视就会显示在这里。</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>{dose} per dose, {count} doses</source>
        <translation>每剂 {dose}，共 {count} 剂</translation>
    </message>
    <message>
        <source>, {weeks} weeks apart</source>
        <translation>，间隔 {weeks} 周</translation>
    </message>
    <message>
        <source> ({route})</source>
        <translation>（{route}）</translation>
    </message>
    <message>
        <source>Not stated in the protocol</source>
        <translation>方案中未说明</translation>
    </message>
    <message>
        <source>{enrolled} of {target} participants enrolled</source>
        <translation>已入组 {enrolled} / {target} 名受试者</translation>
    </message>
    <message>
        <source>%v / %m enrolled</source>
        <translation>已入组 %v / %m</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>研究</translation>
    </message>
    <message>
        <source>NCT number</source>
        <translation>NCT 编号</translation>
    </message>
    <message>
        <source>Sponsor study ID</source>
        <translation>申办者研究编号</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>分期</translation>
    </message>
    <message>
        <source>Recruitment status</source>
        <translation>招募状态</translation>
    </message>
    <message>
        <source>Start – completion</source>
        <translation>开始 – 完成</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>适应症</translation>
    </message>
    <message>
        <source>Arm and dose</source>
        <translation>组别与剂量</translation>
    </message>
    <message>
        <source>Arm</source>
        <translation>组别</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>干预措施</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>剂量</translation>
    </message>
    <message>
        <source>Enrolment</source>
        <translation>入组</translation>
    </message>
    <message>
        <source>Next visits due</source>
        <translation>即将到期的访视</translation>
    </message>
    <message>
        <source>Sponsor and site</source>
        <translation>申办者与研究中心</translation>
    </message>
    <message>
        <source>Sponsor</source>
        <translation>申办者</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>研究中心</translation>
    </message>
    <message>
        <source>Central contact</source>
        <translation>中心联系人</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>The printer could not start the job.</source>
        <translation>打印机无法开始此打印任务。</translation>
    </message>
    <message>
        <source>The printer could not start page {page}.</source>
        <translation>打印机无法开始打印第 {page} 页。</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 页</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>第 {page} / {count} 页</translation>
    </message>
    <message>
        <source>The document has no pages.</source>
        <translation>该文档没有页面。</translation>
    </message>
    <message>
        <source>The document could not be shown ({problem}). Save it to open it in another viewer.</source>
        <translation>无法显示该文档（{problem}）。请保存后用其他阅读器打开。</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent}%</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Print {title}</source>
        <translation>打印 {title}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>{path} could not be written: {problem}</source>
        <translation>无法写入 {path}：{problem}</translation>
    </message>
    <message>
        <source>Saved as {path}.</source>
        <translation>已另存为 {path}。</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <source>The chosen page range holds no page of the document.</source>
        <translation>所选页码范围内没有该文档的页面。</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to {printer}.</source>
        <translation>
            <numerusform>已将 %n 页发送到 {printer}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Fit the page width to the window</source>
        <translation>使页面宽度适合窗口</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>适合宽度(&amp;W)</translation>
    </message>
    <message>
        <source>Show a whole page in the window</source>
        <translation>在窗口中显示整页</translation>
    </message>
    <message>
        <source>Fit &amp;page</source>
        <translation>适合页面(&amp;P)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <source>Print the document (Ctrl+P)</source>
        <translation>打印文档（Ctrl+P）</translation>
    </message>
    <message>
        <source>Save the document as a PDF file (Ctrl+S)</source>
        <translation>将文档保存为 PDF 文件（Ctrl+S）</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason for the change, e.g. transcription error corrected</source>
        <translation>修改原因，例如：更正转录错误</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule {visit} — {subject}</source>
        <translation>改期 {visit} — {subject}</translation>
    </message>
    <message>
        <source>Visit:</source>
        <translation>访视：</translation>
    </message>
    <message>
        <source>Now on:</source>
        <translation>当前日期：</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>访视窗：</translation>
    </message>
    <message>
        <source>New date:</source>
        <translation>新日期：</translation>
    </message>
    <message>
        <source>Why the visit moves, e.g. the subject asked for another day</source>
        <translation>改期原因，例如：受试者要求改到另一天</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Required outside the window; kept in the deviation list</source>
        <translation>超出访视窗时必填；将记入方案偏离列表</translation>
    </message>
    <message>
        <source>Deviation reason:</source>
        <translation>偏离原因：</translation>
    </message>
    <message>
        <source>Continue…</source>
        <translation>继续…</translation>
    </message>
    <message>
        <source>Outside the window: booking it is a protocol deviation and needs a reason.</source>
        <translation>超出访视窗：如此预约属于方案偏离，须填写原因。</translation>
    </message>
    <message>
        <source>{date} is not a working day: {flag}.</source>
        <translation>{date} 不是工作日：{flag}。</translation>
    </message>
    <message>
        <source>{count} other visit(s) move with it; you will see them before saving.</source>
        <translation>另有 {count} 次访视随之移动；保存前会列出。</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset the password of {user}</source>
        <translation>重置 {user} 的密码</translation>
    </message>
    <message>
        <source>Give &lt;b&gt;{name}&lt;/b&gt; this first password in person; they must choose their own at the next sign-in.</source>
        <translation>请当面将此初始密码交给 &lt;b&gt;{name}&lt;/b&gt;；对方下次登录时必须设置自己的密码。</translation>
    </message>
    <message>
        <source>First &amp;password:</source>
        <translation>初始密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>确认密码(&amp;C)：</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same password twice.</source>
        <translation>两次输入的密码不一致：请输入两次相同的密码。</translation>
    </message>
</context>
<context>
    <name>RetireDialog</name>
    <message>
        <source>Retire contact</source>
        <translation>停用联系人</translation>
    </message>
    <message>
        <source>Retire {name} from the date below? Their open delegation lines end that day. The contact is kept (shown with “Show retired”) and can be reinstated.</source>
        <translation>自下方日期起停用 {name}？其进行中的授权将于当天结束。该联系人仍会保留（勾选“显示已停用”可见），并可恢复。</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>SaeReportDialog</name>
    <message>
        <source>Report SAE: {term}</source>
        <translation>报告严重不良事件：{term}</translation>
    </message>
    <message>
        <source>Sponsor pharmacovigilance, ethics committee…</source>
        <translation>申办者药物警戒部门、伦理委员会…</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <source>EDC</source>
        <translation>EDC</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告类型</translation>
    </message>
    <message>
        <source>Reported at</source>
        <translation>报告时间</translation>
    </message>
    <message>
        <source>Reported to</source>
        <translation>报告对象</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>报告方式</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Say to whom the SAE was reported.</source>
        <translation>请填写严重不良事件报告给了谁。</translation>
    </message>
</context>
<context>
    <name>SafetyCheckDialog</name>
    <message>
        <source>Safety check before {visit} — {subject}</source>
        <translation>{visit} 前的安全性核查 — {subject}</translation>
    </message>
    <message>
        <source>Answer every question before the infusion record opens.</source>
        <translation>请回答所有问题，之后才能打开输注记录。</translation>
    </message>
    <message>
        <source>Active infection now?</source>
        <translation>目前有活动性感染吗？</translation>
    </message>
    <message>
        <source>Spontaneous bacterial peritonitis now?</source>
        <translation>目前有自发性细菌性腹膜炎吗？</translation>
    </message>
    <message>
        <source>Gastrointestinal bleeding in the last 4 weeks?</source>
        <translation>近 4 周内有消化道出血吗？</translation>
    </message>
    <message>
        <source>Investigator has cleared the subject for this infusion?</source>
        <translation>研究者已准许该受试者进行本次输注吗？</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Investigator:</source>
        <translation>研究者：</translation>
    </message>
    <message>
        <source>Record the check</source>
        <translation>记录核查结果</translation>
    </message>
    <message>
        <source>The infusion may go ahead.</source>
        <translation>可以进行输注。</translation>
    </message>
    <message>
        <source>The infusion may not go ahead: the record stays closed.</source>
        <translation>不能进行输注：输注记录保持关闭。</translation>
    </message>
</context>
<context>
    <name>SafetyLabels</name>
    <message>
        <source>Death</source>
        <translation>导致死亡</translation>
    </message>
    <message>
        <source>Life-threatening</source>
        <translation>危及生命</translation>
    </message>
    <message>
        <source>Hospitalisation or its prolongation</source>
        <translation>导致住院或住院时间延长</translation>
    </message>
    <message>
        <source>Disability or incapacity</source>
        <translation>导致残疾或功能丧失</translation>
    </message>
    <message>
        <source>Congenital anomaly</source>
        <translation>先天性异常或出生缺陷</translation>
    </message>
    <message>
        <source>Important medical event</source>
        <translation>其他重要医学事件</translation>
    </message>
    <message>
        <source>Unrelated</source>
        <translation>无关</translation>
    </message>
    <message>
        <source>Unlikely</source>
        <translation>可能无关</translation>
    </message>
    <message>
        <source>Possible</source>
        <translation>可能有关</translation>
    </message>
    <message>
        <source>Probable</source>
        <translation>很可能有关</translation>
    </message>
    <message>
        <source>Definite</source>
        <translation>肯定有关</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Infusion slowed</source>
        <translation>减慢输注</translation>
    </message>
    <message>
        <source>Infusion interrupted</source>
        <translation>暂停输注</translation>
    </message>
    <message>
        <source>Infusion stopped</source>
        <translation>停止输注</translation>
    </message>
    <message>
        <source>Dose delayed</source>
        <translation>推迟给药</translation>
    </message>
    <message>
        <source>Treatment withdrawn</source>
        <translation>永久停止治疗</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>已痊愈</translation>
    </message>
    <message>
        <source>Recovering</source>
        <translation>好转中</translation>
    </message>
    <message>
        <source>Not recovered</source>
        <translation>未好转</translation>
    </message>
    <message>
        <source>Recovered with sequelae</source>
        <translation>痊愈伴后遗症</translation>
    </message>
    <message>
        <source>Fatal</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>Initial report</source>
        <translation>首次报告</translation>
    </message>
    <message>
        <source>Follow-up report</source>
        <translation>随访报告</translation>
    </message>
    <message>
        <source>overdue by {h} h {m} min</source>
        <translation>已逾期 {h} 小时 {m} 分钟</translation>
    </message>
    <message>
        <source>{h} h {m} min left</source>
        <translation>剩余 {h} 小时 {m} 分钟</translation>
    </message>
</context>
<context>
    <name>SafetyPanel</name>
    <message>
        <source>Adverse events</source>
        <translation>不良事件</translation>
    </message>
    <message>
        <source>Add AE…</source>
        <translation>添加不良事件…</translation>
    </message>
    <message>
        <source>Edit AE…</source>
        <translation>编辑不良事件…</translation>
    </message>
    <message>
        <source>Correct the selected adverse event (the change needs a reason)</source>
        <translation>更正所选不良事件（修改须填写原因）</translation>
    </message>
    <message>
        <source>Trial AE summary…</source>
        <translation>试验不良事件汇总…</translation>
    </message>
    <message>
        <source>Counts of the trial&apos;s AEs by grade, relationship and dose period</source>
        <translation>按分级、相关性和给药阶段统计本试验的不良事件例数</translation>
    </message>
    <message>
        <source>Report SAE…</source>
        <translation>报告严重不良事件…</translation>
    </message>
    <message>
        <source>Record the initial or a follow-up report of the selected SAE</source>
        <translation>记录所选严重不良事件的首次报告或随访报告</translation>
    </message>
    <message>
        <source>Sign assessment…</source>
        <translation>签署评估…</translation>
    </message>
    <message>
        <source>An investigator signs the selected AE&apos;s grade, seriousness, relationship and expectedness with their user name and password</source>
        <translation>由研究者用其用户名和密码签署所选不良事件的分级、严重性、相关性和预期性</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>实验室检查结果</translation>
    </message>
    <message>
        <source>Enter lab result…</source>
        <translation>录入检查结果…</translation>
    </message>
    <message>
        <source>Bedside assessment…</source>
        <translation>床旁评估…</translation>
    </message>
    <message>
        <source>Ascites, encephalopathy and dialysis: with the lab values they give Child-Pugh and MELD</source>
        <translation>腹水、肝性脑病和透析：结合实验室数值计算 Child-Pugh 和 MELD</translation>
    </message>
    <message>
        <source>Trend (dashed lines: infusions)</source>
        <translation>趋势（虚线：输注）</translation>
    </message>
    <message>
        <source>Choose a subject on the “Subject timeline” page.</source>
        <translation>请在“受试者时间线”页面选择一名受试者。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{subject}&lt;/b&gt;: {count} adverse event(s), {serious} serious · {labs} lab value(s)</source>
        <translation>&lt;b&gt;{subject}&lt;/b&gt;：不良事件 {count} 例，其中严重 {serious} 例 · 实验室数值 {labs} 项</translation>
    </message>
    <message>
        <source>MELD</source>
        <translation>MELD</translation>
    </message>
    <message>
        <source>Child-Pugh score</source>
        <translation>Child-Pugh 评分</translation>
    </message>
    <message>
        <source>D{n}</source>
        <translation>D{n}</translation>
    </message>
    <message>
        <source>{kind} · {when} · to {to}{method}</source>
        <translation>{kind} · {when} · 报告给 {to}{method}</translation>
    </message>
    <message>
        <source> ({method})</source>
        <translation>（{method}）</translation>
    </message>
    <message>
        <source>SAE reports: {reports}</source>
        <translation>严重不良事件报告：{reports}</translation>
    </message>
    <message>
        <source>SAE reports: none yet</source>
        <translation>严重不良事件报告：尚无</translation>
    </message>
    <message>
        <source>Adverse event not saved</source>
        <translation>不良事件未保存</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>修改原因</translation>
    </message>
    <message>
        <source>Why is the adverse event “{term}” changed?</source>
        <translation>为什么修改不良事件“{term}”？</translation>
    </message>
    <message>
        <source>serious ({criteria})</source>
        <translation>严重（{criteria}）</translation>
    </message>
    <message>
        <source>not serious</source>
        <translation>非严重</translation>
    </message>
    <message>
        <source>&lt;b&gt;{subject}&lt;/b&gt; · {term}, onset {onset}: grade {grade}; {serious}; relationship to the cells: {relationship}; {expected}.</source>
        <translation>&lt;b&gt;{subject}&lt;/b&gt; · {term}，发生于 {onset}：{grade} 级；{serious}；与细胞的相关性：{relationship}；{expected}。</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>预期</translation>
    </message>
    <message>
        <source>unexpected</source>
        <translation>非预期</translation>
    </message>
    <message>
        <source>Sign the assessment of “{term}”</source>
        <translation>签署“{term}”的评估</translation>
    </message>
    <message>
        <source>Assessment not signed</source>
        <translation>评估未签署</translation>
    </message>
    <message>
        <source>{problem}

Reason:</source>
        <translation>{problem}

原因：</translation>
    </message>
    <message>
        <source>SAE report not saved</source>
        <translation>严重不良事件报告未保存</translation>
    </message>
    <message>
        <source>Lab result not saved</source>
        <translation>检查结果未保存</translation>
    </message>
    <message>
        <source>Assessment not saved</source>
        <translation>评估未保存</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Trial Coordinator</source>
        <translation>登录临床试验协调员工作台</translation>
    </message>
    <message>
        <source>Sign in with your own user name and password. Everything you change is recorded under your name.</source>
        <translation>请用您自己的用户名和密码登录。您所做的每项修改都会以您的名义记录。</translation>
    </message>
    <message>
        <source>Database: {url}</source>
        <translation>数据库：{url}</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <source>Meaning of this signature: &lt;b&gt;{meaning}&lt;/b&gt;. Your user name and password sign it as your handwritten signature would; your name, the meaning and the time are stored and printed with it.</source>
        <translation>此签名的含义：&lt;b&gt;{meaning}&lt;/b&gt;。您的用户名和密码与手写签名具有同等效力；您的姓名、签名含义和时间将一并保存和打印。</translation>
    </message>
    <message>
        <source>Signer&apos;s &amp;user name:</source>
        <translation>签名人用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Type the signer&apos;s user name.</source>
        <translation>请输入签名人的用户名。</translation>
    </message>
    <message>
        <source>Type the signer&apos;s password.</source>
        <translation>请输入签名人的密码。</translation>
    </message>
    <message>
        <source>Give the reason for signing again.</source>
        <translation>请填写重新签名的原因。</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Staff accounts</source>
        <translation>工作人员账户</translation>
    </message>
    <message>
        <source>Each person signs in with their own account; their role decides what they may change and sign. Accounts are never deleted: deactivate the account of someone who left.</source>
        <translation>每人使用自己的账户登录；角色决定其可以修改和签署的内容。账户永不删除：人员离开时请停用其账户。</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Deactivate…</source>
        <translation>停用(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Lift the lock-out after repeated failed sign-ins</source>
        <translation>解除多次登录失败后的锁定</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;activate…</source>
        <translation>重新启用(&amp;A)…</translation>
    </message>
    <message>
        <source>Added {user}: they choose their own password at the first sign-in.</source>
        <translation>已添加 {user}：对方首次登录时设置自己的密码。</translation>
    </message>
    <message>
        <source>Saved {user}.</source>
        <translation>已保存 {user}。</translation>
    </message>
    <message>
        <source>Reactivated {user}.</source>
        <translation>已重新启用 {user}。</translation>
    </message>
    <message>
        <source>Deactivated {user}.</source>
        <translation>已停用 {user}。</translation>
    </message>
    <message>
        <source>New first password for {user}; the account is unlocked.</source>
        <translation>已为 {user} 设置新的初始密码；账户已解锁。</translation>
    </message>
    <message>
        <source>Account not unlocked</source>
        <translation>账户未解锁</translation>
    </message>
    <message>
        <source>Unlocked {user}.</source>
        <translation>已解锁 {user}。</translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No (deactivated)</source>
        <translation>否（已停用）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Trial Coordinator cannot start</source>
        <translation>临床试验协调员工作台无法启动</translation>
    </message>
    <message>
        <source>The database could not be opened:

{message}</source>
        <translation>无法打开数据库：

{message}</translation>
    </message>
    <message>
        <source>The database is at risk</source>
        <translation>数据库面临风险</translation>
    </message>
    <message>
        <source>Warning: {message}</source>
        <translation>警告：{message}</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Enrol {number}</source>
        <translation>入组 {number}</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>入组</translation>
    </message>
    <message>
        <source>Enrol {name}: the next subject number is given. The verdict is signed eligible.</source>
        <translation>{name} 入组：将分配下一个受试者编号。结论已签署为符合入选。</translation>
    </message>
    <message>
        <source>Screen failure: {number}</source>
        <translation>筛选失败：{number}</translation>
    </message>
    <message>
        <source>End screening</source>
        <translation>结束筛选</translation>
    </message>
    <message>
        <source>End the screening of {name}. The failing criteria ({codes}) are recorded as the reason; add a note if needed.</source>
        <translation>结束 {name} 的筛选。不满足的标准（{codes}）将记录为原因；如有需要请补充说明。</translation>
    </message>
    <message>
        <source>End the screening of {name}. No criterion fails, so say why screening ends.</source>
        <translation>结束 {name} 的筛选。没有不满足的标准，请说明结束筛选的原因。</translation>
    </message>
    <message>
        <source>Withdraw {number}</source>
        <translation>退出 {number}</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Withdraw {name} from the trial. The reason is required.</source>
        <translation>{name} 退出试验。必须填写原因。</translation>
    </message>
    <message>
        <source>Complete {number}</source>
        <translation>完成 {number}</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>{name} has completed the trial.</source>
        <translation>{name} 已完成试验。</translation>
    </message>
    <message>
        <source>Optional note</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <source>Say why the subject is withdrawn.</source>
        <translation>请说明受试者退出的原因。</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>SubjectDialog</name>
    <message>
        <source>Mobile or landline (optional)</source>
        <translation>手机或固定电话（可选）</translation>
    </message>
    <message>
        <source>Register subject</source>
        <translation>登记受试者</translation>
    </message>
    <message>
        <source>The candidate enters screening today ({date}) with the next screening number.</source>
        <translation>候选者今天（{date}）进入筛选，并获得下一个筛选号。</translation>
    </message>
    <message>
        <source>Edit subject {number}</source>
        <translation>编辑受试者 {number}</translation>
    </message>
    <message>
        <source>Correct the subject&apos;s details. Changing sex or date of birth changes the assessment, so a signed verdict will need a reason and a new signature.</source>
        <translation>更正受试者资料。修改性别或出生日期会改变评估结果，因此已签署的结论需要填写原因并重新签名。</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>姓(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>名(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Sex:</source>
        <translation>性别(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>出生日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>身份证号(&amp;I)：</translation>
    </message>
    <message>
        <source>Resident identity card, 18 characters (optional)</source>
        <translation>居民身份证，18 位（可选）</translation>
    </message>
</context>
<context>
    <name>SubjectTableModel</name>
    <message>
        <source>Screening no.</source>
        <translation>筛选号</translation>
    </message>
    <message>
        <source>Subject no.</source>
        <translation>受试者编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Screened on</source>
        <translation>筛选日期</translation>
    </message>
    <message>
        <source>Completed years on the assessment date {date}</source>
        <translation>至评估日 {date} 的周岁</translation>
    </message>
    <message>
        <source>Signed {verdict} by {name} on {time}</source>
        <translation>{name} 于 {time} 签署为{verdict}</translation>
    </message>
</context>
<context>
    <name>TimelineTableModel</name>
    <message>
        <source>Visit</source>
        <translation>访视</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标日期</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>访视窗</translation>
    </message>
    <message>
        <source>Booked on</source>
        <translation>预约日期</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>{status}, overdue</source>
        <translation>{status}，已逾期</translation>
    </message>
    <message>
        <source>{status}, outside window</source>
        <translation>{status}，超出访视窗</translation>
    </message>
</context>
<context>
    <name>TodayTableModel</name>
    <message>
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>受试者</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>访视</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>访视窗</translation>
    </message>
    <message>
        <source>What is needed</source>
        <translation>所需事项</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Upcoming infusion</source>
        <translation>即将输注</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>No liver scores or lab values to chart yet.</source>
        <translation>尚无可绘制的肝功能评分或实验室数值。</translation>
    </message>
</context>
<context>
    <name>UnlockPrompt</name>
    <message>
        <source>Trial Coordinator is locked</source>
        <translation>临床试验协调员工作台已锁定</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; is signed in. Type the password to go on exactly where you left off: open windows and anything typed in them are kept.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; 已登录。输入密码即可从离开处继续：打开的窗口及其中已输入的内容都会保留。</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Sign out…</source>
        <translation>注销…</translation>
    </message>
    <message>
        <source>Another user signs in; unsaved input in open windows is lost</source>
        <translation>由另一位用户登录；打开的窗口中未保存的输入将丢失</translation>
    </message>
</context>
<context>
    <name>VitalSignsTableModel</name>
    <message>
        <source>Temperature (°C)</source>
        <translation>体温（°C）</translation>
    </message>
    <message>
        <source>Pulse (/min)</source>
        <translation>脉搏（次/分）</translation>
    </message>
    <message>
        <source>BP systolic (mmHg)</source>
        <translation>收缩压（mmHg）</translation>
    </message>
    <message>
        <source>BP diastolic (mmHg)</source>
        <translation>舒张压（mmHg）</translation>
    </message>
    <message>
        <source>SpO₂ (%)</source>
        <translation>SpO₂（%）</translation>
    </message>
    <message>
        <source>{minutes} min before</source>
        <translation>输注前 {minutes} 分钟</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
</context>
<context>
    <name>YesNoEditor</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
</TS>
