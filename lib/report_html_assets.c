/*
 * report_html_assets.c - the static parts of the HTML gap review: the
 * style sheet and the status filter script, written verbatim into every
 * page by report_html.c.  They are C strings, not lib/data files:
 * tools/txt2c.sh drops '#' comments, blank lines and indentation, and the
 * CSS colours and the script's "#status=" need their '#'.
 *
 * The per-status colours (--c, --t) are not here: report_html.c writes
 * them before this sheet from its table of display classes.
 */
#include "report_html_internal.h"

/* Layout, the map, the bars and the unit lists; colours of a status come
 * from its .status-NAME custom properties. */
const char dt__html_css[] =
	"body{font-family:'DejaVu Sans','Noto Sans',Arial,sans-serif;"
	"margin:1.5rem;color:#1b1b1b;background:#fff;line-height:1.4}\n"
	"h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.2rem;"
	"margin-top:2rem}.kicker,.meta,caption{color:#555}\n"
	".badge,td.cell,.filters button{background:var(--c,#fff);"
	"color:var(--t,#000)}.badge{padding:0 .4em;border-radius:.3em;"
	"white-space:nowrap;font-size:.85em}\n"
	"dl.numbers{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}"
	"dl.numbers div{min-width:5rem}dt{font-size:.8em;color:#555}"
	"dd{margin:0;font-size:1.4em;font-weight:bold}\n"
	"svg.bar{display:block;width:100%;max-width:48rem;height:1.1rem;"
	"border:1px solid #888}rect.seg{fill:var(--c)}\n"
	".chapter{margin:.6rem 0}.chapter h3{font-size:1rem;margin:0}\n"
	".map-wrap{overflow-x:auto}table{border-collapse:collapse}"
	"table.coverage-map th,table.coverage-map td{border:1px solid #fff;"
	"padding:.15rem .35rem}tr.article>th{text-align:left;"
	"border-left:.5rem solid var(--c);background:#f6f6f6;"
	"font-weight:normal;max-width:26rem;overflow:hidden;"
	"text-overflow:ellipsis;white-space:nowrap}\n"
	"tr.group-head th{text-align:left;background:#fff;padding-top:.6rem}"
	"td.cell{text-align:center;min-width:2.2rem;white-space:nowrap}"
	"td.cell a{color:inherit;text-decoration:none}\n"
	".dim{opacity:.15}.hidden{display:none}"
	".filters button{border:1px solid #555;border-radius:.3em;"
	"margin:.1rem;padding:.2rem .6rem;cursor:pointer}"
	".filters button[aria-pressed=true]{outline:3px solid #000}\n"
	"details{margin:.3rem 0}summary{cursor:pointer}"
	"ul.units{list-style:none;padding-left:0}li.unit{margin-top:.4rem;"
	"padding-left:.5rem;border-left:.3rem solid var(--c)}\n"
	".d1{margin-left:1.5rem}.d2{margin-left:3rem}.d3{margin-left:4.5rem}"
	".d4{margin-left:6rem}\n"
	"p.text{margin:.2rem 0;white-space:pre-wrap;color:#333}"
	"ul.links{margin:.2rem 0}q{font-style:italic}"
	"table.list td,table.list th{border:1px solid #ccc;padding:.2rem .4rem;"
	"text-align:left;vertical-align:top}table.list code{"
	"white-space:nowrap}\n";

/* Shows the filter buttons and makes them work; nothing else depends on
 * it.  Rows stay when the row or one of its cells has the status; the
 * article details follow their rows (same order). */
const char dt__html_script[] =
	"(function(){var nav=document.getElementById('filters');"
	"if(!nav){return;}nav.hidden=false;"
	"var bs=nav.querySelectorAll('button');"
	"var rows=document.querySelectorAll('tr.article');"
	"var dets=document.querySelectorAll('details.article');"
	"function apply(s){var all=s==='all';"
	"bs.forEach(function(b){b.setAttribute('aria-pressed',"
	"String(b.dataset.status===s));});"
	"rows.forEach(function(tr,i){"
	"var hit=all||tr.classList.contains('status-'+s);"
	"tr.querySelectorAll('td.cell').forEach(function(td){"
	"var m=all||td.classList.contains('status-'+s);"
	"td.classList.toggle('dim',!m);if(m){hit=true;}});"
	"tr.classList.toggle('hidden',!hit);"
	"if(dets[i]){dets[i].classList.toggle('hidden',!hit);}});}"
	"bs.forEach(function(b){b.addEventListener('click',"
	"function(){apply(b.dataset.status);});});"
	"var m=/^#status=([a-z]+)$/.exec(location.hash);"
	"if(m&&nav.querySelector('[data-status='+m[1]+']')){apply(m[1]);}"
	"})();\n";
