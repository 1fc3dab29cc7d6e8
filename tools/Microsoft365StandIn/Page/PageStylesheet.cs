namespace Microsoft365StandIn.Page;

/// <summary>
/// The page's look: plain, in the manner of Microsoft 365's light theme (system font stack led by Segoe UI,
/// neutral greys, the brand blue, Teams' card colours), with text contrast of at least 4.5:1 and layouts that
/// scroll sideways rather than break at narrow widths.
/// </summary>
internal static class PageStylesheet
{
    public const string Css = """
        :root{--text:#242424;--muted:#5c5c5c;--line:#d1d1d1;--soft:#f5f5f5;--page:#fafafa;--brand:#0f6cbd;--brand-dark:#0c3b5e;--late:#b10e1c;--ok:#0e700e;--teams:#5b5fc7;--hour:4.5rem}
        *,*::before,*::after{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;background:var(--page);color:var(--text);font:0.875rem/1.45 "Segoe UI","Segoe UI Web (West European)",-apple-system,BlinkMacSystemFont,Roboto,"Helvetica Neue",Arial,"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif}
        a{color:var(--brand)}a:hover{color:var(--brand-dark)}a:not([href]){color:inherit}
        a:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:2px solid var(--brand);outline-offset:2px}
        code{font-family:Consolas,"Cascadia Mono","Courier New",monospace;font-size:0.8125rem;overflow-wrap:anywhere}
        .visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
        .topbar{display:flex;flex-wrap:wrap;gap:0.25rem 1.5rem;align-items:center;justify-content:space-between;background:var(--brand-dark);color:#fff;padding:0.5rem 1.5rem}
        .topbar p{margin:0}.brand{font-weight:600;font-size:1rem}
        .topbar-mailbox{font-size:0.8125rem;opacity:0.95;overflow-wrap:anywhere}
        main{max-width:90rem;margin:0 auto;padding:1rem 1.5rem 2rem}
        h1{font-size:1.5rem;font-weight:600;margin:0.5rem 0 0.25rem}
        h2{font-size:1.25rem;font-weight:600;margin:2rem 0 0.75rem;padding-bottom:0.25rem;border-bottom:1px solid var(--line)}
        h3{font-size:1rem;font-weight:600;margin:0 0 0.5rem}
        h4{font-size:0.875rem;font-weight:600;margin:1rem 0 0.5rem}
        h5{font-size:0.875rem;font-weight:600;margin:0 0 0.25rem}
        section>h3{margin-top:1.5rem}
        section{scroll-margin-top:1rem}
        .lead{color:var(--muted);margin:0 0 1rem;max-width:60rem}
        .muted{color:var(--muted);font-weight:400}
        .empty{background:#fff;border:1px dashed #8a8a8a;border-radius:4px;padding:1rem;color:var(--text);max-width:60rem}
        .panel{background:#fff;border:1px solid #e0e0e0;border-radius:6px;box-shadow:0 1px 2px rgba(0,0,0,.08);padding:1rem;margin:0 0 1rem;min-width:0}
        .count{display:inline-block;min-width:1.5rem;padding:0 0.4rem;border-radius:0.75rem;background:#ebebeb;color:var(--text);font-size:0.75rem;font-weight:600;text-align:center}
        .toc{background:#fff;border:1px solid #e0e0e0;border-radius:6px;padding:0.5rem 1rem;margin:0 0 1rem}
        .toc ol{display:flex;flex-wrap:wrap;gap:0.25rem 1.5rem;margin:0;padding:0;list-style:none}
        .toc li{padding:0.25rem 0}.toc .count{background:transparent;color:var(--muted);font-weight:400;padding:0;min-width:0}
        .toc .count::before{content:"· "}
        .scroll{overflow-x:auto;max-width:100%}
        table{border-collapse:collapse;width:100%;background:#fff;font-size:0.8125rem}
        th,td{text-align:left;vertical-align:top;padding:0.375rem 0.5rem;border-bottom:1px solid #e0e0e0}
        thead th{font-weight:600;color:var(--muted);border-bottom:1px solid var(--line);white-space:nowrap}
        .n{text-align:right;font-variant-numeric:tabular-nums}
        .chip{display:inline-block;padding:0 0.5rem;border-radius:0.75rem;font-size:0.75rem;line-height:1.25rem;background:#ebebeb;color:var(--text);white-space:nowrap}
        .chip-late{background:#fdf3f4;color:var(--late);border:1px solid #eeacb2}
        .chip-done{background:#f1faf1;color:var(--ok);border:1px solid #9fd89f}
        .chip-doing{background:#ebf3fc;color:#0f548c;border:1px solid #b4d6fa}
        .chip-kind{background:#ebf3fc;color:#0f548c}
        details>summary{cursor:pointer;color:var(--brand);font-weight:600;margin:0.5rem 0}
        pre.text{white-space:pre-wrap;overflow-wrap:anywhere;font:inherit;background:var(--soft);border-radius:4px;padding:0.75rem;margin:0.5rem 0}
        .rich{overflow-wrap:anywhere;max-width:100%;overflow-x:auto}
        .rich img{max-width:100%;height:auto}
        .rich table{width:auto;margin:0.5rem 0 1rem;border:1px solid var(--line)}
        .rich th,.rich td{border:1px solid var(--line)}.rich caption{text-align:left;font-weight:600;padding:0.25rem 0}
        .rich pre{white-space:pre-wrap}.rich h4{font-size:1.5rem;margin:1rem 0 0.5rem}.rich h5{font-size:1.2rem;margin:1rem 0 0.5rem}.rich h6{font-size:1rem;margin:1rem 0 0.5rem}
        .missing-image{display:inline-block;border:1px dashed #8a8a8a;padding:0.25rem 0.5rem;color:var(--muted);font-size:0.8125rem}
        .cal-grid{display:grid;grid-template-columns:3.25rem repeat(5,minmax(8.5rem,1fr));min-width:46rem;border:1px solid #e0e0e0;border-radius:4px;background:#fff}
        .cal-corner,.cal-day-head{height:2.75rem}
        .cal-hour{height:var(--hour);padding:0 0.375rem;font-size:0.75rem;color:var(--muted);text-align:right;transform:translateY(-0.55rem)}
        .cal-hour:first-of-type{transform:none}
        .cal-day{border-left:1px solid #e0e0e0;min-width:0}
        .cal-day-head{margin:0;padding:0.375rem 0.5rem;border-bottom:1px solid var(--line);font-weight:400;display:flex;align-items:baseline;gap:0.375rem}
        .cal-dow{font-size:0.75rem;color:var(--muted);text-transform:uppercase;letter-spacing:0.02em}.cal-dom{font-size:1rem;font-weight:600}
        .cal-today .cal-day-head{border-bottom:3px solid var(--brand)}.cal-today .cal-dom{color:var(--brand)}
        .cal-day-body{position:relative;height:calc(var(--hour) * 9);background:repeating-linear-gradient(to bottom,#e6e6e6 0 1px,transparent 1px calc(var(--hour) / 2),#f0f0f0 calc(var(--hour) / 2) calc(var(--hour) / 2 + 1px),transparent calc(var(--hour) / 2 + 1px) var(--hour))}
        .cal-events{list-style:none;margin:0;padding:0;position:absolute;inset:0}
        .ev{position:absolute;min-height:1.25rem;overflow:hidden;padding:0.125rem 0.375rem;border:1px solid #fff;border-left:4px solid var(--brand);border-radius:4px;background:#ebf3fc;color:#242424;font-size:0.75rem;line-height:1.2}
        .ev span{display:block;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
        .ev-subject{font-weight:600}.ev-time{color:#424242}.ev .ev-cats{color:#0f548c;display:inline}
        .ev-tentative{background:repeating-linear-gradient(135deg,#ebf3fc 0 6px,#fff 6px 10px)}
        .ev-free{background:#fff;border-color:#b4d6fa;border-left-color:#b4d6fa}
        .ev-oof{background:#f1e6f8;border-left-color:#8764b8}
        .ev-elsewhere{background:#fff;border-left-style:dashed}
        .cal-now{position:absolute;left:0;right:0;height:0;border-top:2px solid #c50f1f;z-index:1}
        .cal-now::before{content:"";position:absolute;left:-5px;top:-6px;width:10px;height:10px;border-radius:50%;background:#c50f1f}
        .event-detail{border-top:1px solid #e0e0e0;padding:0.75rem 0}
        .board{display:flex;gap:0.75rem;align-items:flex-start;padding-bottom:0.25rem}
        .bucket{flex:0 0 18rem;background:var(--soft);border-radius:6px;padding:0.5rem}
        .bucket h4{margin:0.25rem 0.25rem 0.5rem}
        .tasks{list-style:none;margin:0;padding:0;display:grid;gap:0.5rem}
        .task{background:#fff;border-radius:4px;box-shadow:0 1px 2px rgba(0,0,0,.14),0 0 1px rgba(0,0,0,.12);padding:0.625rem 0.75rem;border-left:3px solid transparent}
        .task p{margin:0 0 0.375rem}.task p:last-child{margin-bottom:0}
        .task-title{font-weight:600;overflow-wrap:anywhere}
        .task-done .task-title{text-decoration:line-through;color:var(--muted)}
        .task-meta{display:flex;flex-wrap:wrap;gap:0.25rem}
        .task-preview{color:#424242;font-size:0.8125rem;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;overflow:hidden;overflow-wrap:anywhere}
        .task-people{display:flex;flex-wrap:wrap;gap:0.25rem 0.75rem}
        .task-created{font-size:0.75rem}
        .person{display:inline-flex;align-items:center;gap:0.375rem;font-size:0.8125rem}
        .avatar{display:inline-flex;align-items:center;justify-content:center;width:1.5rem;height:1.5rem;border-radius:50%;background:#c7e0f4;color:#0c3b5e;font-size:0.625rem;font-weight:600;flex:none}
        .channel{background:var(--soft)}
        .channel-name{font-size:1rem;padding-bottom:0.5rem;border-bottom:1px solid var(--line)}
        .posts{list-style:none;margin:0;padding:0}
        .post{display:flex;gap:0.75rem;padding:0.75rem 0}
        .post+.post{border-top:1px solid #e6e6e6}
        .avatar-app{width:2rem;height:2rem;border-radius:4px;background:var(--teams);color:#fff;font-size:0.875rem}
        .post-main{flex:1;min-width:0}
        .post-head{margin:0 0 0.375rem;font-size:0.8125rem}.post-author{font-weight:600;margin-right:0.5rem}
        .mail-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:0.5rem}
        .mail-head h3{margin:0;overflow-wrap:anywhere}
        .meta{display:grid;grid-template-columns:max-content 1fr;gap:0.125rem 0.75rem;margin:0.5rem 0 0.75rem;font-size:0.8125rem}
        .meta dt{color:var(--muted)}.meta dd{margin:0;overflow-wrap:anywhere}
        .mail-body{border-top:1px solid #e0e0e0;padding-top:0.75rem}
        .inline-images{display:flex;flex-wrap:wrap;gap:0.75rem;align-items:flex-start}
        .inline-images p{flex-basis:100%;margin:0}
        .inline-images figure{margin:0}.inline-images img{max-width:16rem;height:auto;border:1px solid var(--line)}
        .folder{background:#fff;border:1px solid #e0e0e0;border-radius:6px;padding:0 1rem;margin:0 0 0.5rem}
        .folder>summary{color:var(--text)}.folder[open]>summary{margin-bottom:0.25rem}
        .footer{max-width:90rem;margin:0 auto;padding:1rem 1.5rem 2rem;color:var(--muted);font-size:0.8125rem}
        .ac-card{background:#fff;border:1px solid #e0e0e0;border-radius:6px;padding:1rem;max-width:34rem;color:#242424;font-size:0.875rem;line-height:1.4;box-shadow:0 1px 2px rgba(0,0,0,.06)}
        .ac-card+.ac-card{margin-top:0.5rem}
        .ac-full{max-width:60rem}
        .ac-el{margin-top:0.5rem;min-width:0}
        .ac-card>.ac-el:first-child,.ac-container>.ac-el:first-child,.ac-column>.ac-el:first-child,td>.ac-el:first-child,th>.ac-el:first-child{margin-top:0}
        .ac-sp-none{margin-top:0}.ac-sp-small{margin-top:0.25rem}.ac-sp-medium{margin-top:1rem}.ac-sp-large{margin-top:1.25rem}.ac-sp-extralarge{margin-top:1.5rem}.ac-sp-padding{margin-top:1rem}
        .ac-sep{border-top:1px solid #e0e0e0;padding-top:0.5rem}
        .ac-card>.ac-sep:first-child,.ac-container>.ac-sep:first-child,.ac-column>.ac-sep:first-child{border-top:0;padding-top:0}
        .ac-text{overflow-wrap:anywhere}
        .ac-text p{margin:0}.ac-text p+p,.ac-text p+ul,.ac-text p+ol,.ac-text ul+p,.ac-text ol+p{margin-top:0.5rem}
        .ac-text ul,.ac-text ol{margin:0;padding-left:1.25rem}.ac-text ul{list-style:disc}.ac-text ol{list-style:decimal}
        .ac-nowrap p{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}.ac-nowrap br{display:none}
        .ac-clamp{display:-webkit-box;-webkit-box-orient:vertical;overflow:hidden}
        .ac-size-small{font-size:0.75rem}.ac-size-default{font-size:0.875rem}.ac-size-medium{font-size:1rem}.ac-size-large{font-size:1.25rem;line-height:1.3}.ac-size-extralarge{font-size:1.5rem;line-height:1.25}
        .ac-weight-lighter{font-weight:300}.ac-weight-default{font-weight:400}.ac-weight-bolder{font-weight:600}
        .ac-color-default,.ac-color-dark{color:#242424}.ac-color-light{color:#fff}.ac-color-accent{color:#4f52b2}.ac-color-good{color:#0e700e}.ac-color-warning{color:#8a3707}.ac-color-attention{color:#b10e1c}
        .ac-subtle{color:#616161}.ac-color-accent.ac-subtle{color:#6264a7}.ac-color-good.ac-subtle{color:#107c10}.ac-color-attention.ac-subtle{color:#c4314b}
        .ac-mono{font-family:Consolas,"Cascadia Mono","Courier New",monospace}
        .ac-italic{font-style:italic}.ac-strike{text-decoration:line-through}.ac-underline{text-decoration:underline}.ac-highlight{background:#fff4ce}
        .ac-align-center{text-align:center;justify-content:center}.ac-align-right{text-align:right;justify-content:flex-end}
        .ac-text a,.ac-facts a,.ac-rich a{color:#4f52b2}
        .ac-rich{margin:0}
        .ac-facts{display:grid;grid-template-columns:fit-content(40%) 1fr;gap:0.25rem 1rem;margin:0}
        .ac-facts dt{font-weight:600;overflow-wrap:anywhere}.ac-facts dd{margin:0;overflow-wrap:anywhere}
        .ac-columns{display:flex;align-items:stretch}
        .ac-column{min-width:0}
        .ac-col-stretch{flex:1 1 0}.ac-col-auto{flex:0 1 auto}
        .ac-csp-default{margin-left:0.5rem}.ac-csp-none{margin-left:0}.ac-csp-small{margin-left:0.25rem}.ac-csp-medium{margin-left:1rem}.ac-csp-large{margin-left:1.25rem}.ac-csp-extralarge{margin-left:1.5rem}.ac-csp-padding{margin-left:1rem}
        .ac-csep{border-left:1px solid #e0e0e0;padding-left:0.5rem}
        .ac-valign-center{display:flex;flex-direction:column;justify-content:center}.ac-valign-bottom{display:flex;flex-direction:column;justify-content:flex-end}
        .ac-style{padding:0.75rem;border-radius:4px}
        .ac-style-default{background:#fff}.ac-style-emphasis{background:#f5f5f5}.ac-style-accent{background:#e8ebfa}.ac-style-good{background:#e7f2da}.ac-style-warning{background:#fbf6d9}.ac-style-attention{background:#fcf4f6}
        .ac-image-row{display:flex}
        .ac-image{display:block;max-width:100%;height:auto}
        .ac-image-stretch{width:100%}.ac-image-small{width:40px}.ac-image-medium{width:80px}.ac-image-large{width:160px}
        .ac-person{border-radius:50%;aspect-ratio:1;object-fit:cover}
        .ac-image-missing{display:inline-flex;flex-direction:column;justify-content:center;gap:0.125rem;min-height:3rem;min-width:8rem;padding:0.5rem;border:1px dashed #8a8a8a;border-radius:4px;background:var(--soft);font-size:0.75rem;color:var(--muted)}
        .ac-image-missing.ac-image-small,.ac-image-missing.ac-image-medium{width:auto}
        .ac-image-alt{color:var(--text);font-weight:600;overflow-wrap:anywhere}
        .ac-imageset{display:flex;flex-wrap:wrap;gap:0.5rem}
        .ac-actions{display:flex;flex-wrap:wrap;gap:0.5rem}
        .ac-action{display:inline-flex;align-items:center;justify-content:center;min-height:2rem;padding:0.25rem 0.75rem;border:1px solid #d1d1d1;border-radius:4px;background:#fff;color:#242424;font:inherit;font-weight:600;text-decoration:none}
        a.ac-action:hover{background:#f5f5f5;color:#242424}
        .ac-action-positive{background:var(--teams);border-color:var(--teams);color:#fff}a.ac-action-positive:hover{background:#4f52b2;color:#fff}
        .ac-action-destructive{color:#b10e1c}
        button.ac-action:disabled{background:#f0f0f0;color:#6e6e6e;border-color:#e0e0e0;cursor:not-allowed}
        .ac-table{width:100%;font-size:0.875rem}.ac-table th .ac-text{font-weight:600}.ac-table th,.ac-table td{border-bottom:0}.ac-grid th,.ac-grid td{border:1px solid #e0e0e0}
        .ac-media{display:flex;align-items:center;gap:0.5rem;padding:0.75rem;background:#242424;color:#fff;border-radius:4px}
        .ac-media img{max-width:8rem;height:auto}
        .ac-input{display:flex;flex-direction:column;gap:0.25rem;border:0;margin:0;padding:0}
        .ac-input-label{font-weight:600}
        .ac-input input[type=text],.ac-input textarea,.ac-input select{font:inherit;padding:0.25rem 0.5rem;border:1px solid #d1d1d1;border-radius:4px;background:#fafafa;color:#424242;max-width:100%}
        .ac-choice{display:block}
        .ac-note{display:inline-block;font-size:0.75rem;color:#8a3707;background:#fff9f5;border:1px dashed #e9835e;border-radius:4px;padding:0.125rem 0.5rem;margin:0.5rem 0 0}
        @media (max-width:40rem){main,.footer{padding-left:0.75rem;padding-right:0.75rem}.topbar{padding:0.5rem 0.75rem}.panel{padding:0.75rem}.meta{grid-template-columns:1fr}.meta dt{margin-top:0.25rem}.ac-facts{grid-template-columns:1fr}.ac-facts dd{margin-bottom:0.25rem}.bucket{flex-basis:15rem}}
        @media (prefers-reduced-motion:no-preference){html{scroll-behavior:smooth}}
        """;
}
