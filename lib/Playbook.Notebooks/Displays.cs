using System.Net;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;
using Playbook.Output;
using Plotly.NET;

namespace Playbook.Notebooks;

/// <summary>How notebook outputs look: registered after any package's own displays, so ours win.</summary>
public static class Displays
{
    /// <summary>Rows a DataFrame output holds at most.</summary>
    public static int MaxRows { get; set; } = 100;

    /// <summary>Rows a DataFrame output shows per page.</summary>
    public static int PageSize { get; set; } = 20;

    /// <summary>
    /// The words the displays are in: the notebook's edition, set by <see cref="NotebookSetup.Init(string)"/>. Tables and
    /// charts keep their English names in code (<c>frame["net GMV"]</c> works in both editions); only what is shown changes.
    /// </summary>
    public static Words Words { get; set; } = Words.English;

    /// <summary>Registers the DataFrame table and the offline charts (Plotly.NET charts and finished figures) as the HTML displays of their types.</summary>
    public static void Register()
    {
        Formatter.Register<DataFrame>((frame, writer) => writer.Write(HtmlTable.Render(frame, MaxRows, PageSize, Words)), HtmlFormatter.MimeType);
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ChartFigure.From(chart).In(Words).ToHtml()), HtmlFormatter.MimeType);
        Formatter.Register<ChartFigure>((figure, writer) => writer.Write(figure.In(Words).ToHtml()), HtmlFormatter.MimeType);

        // A sentence a cell writes with its figures (a total, a ROI) and a list of warnings or notes read in the edition's words.
        Formatter.Register<string>((text, writer) => writer.Write(Words.Of(text)), PlainTextFormatter.MimeType);
        Formatter.Register<IEnumerable<object>>((items, writer) => writer.Write(HtmlTable.Render(items, Words)), HtmlFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(ChartFigure), HtmlFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(DataFrame), HtmlFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), HtmlFormatter.MimeType);
    }

    /// <summary>Shows <paramref name="message"/> with plotly.js embedded: once per notebook run, from the setup cell.</summary>
    public static void ShowPlotlyJs(string message)
    {
        var html = $"<div class=\"playbook-setup\">{WebUtility.HtmlEncode(message)}</div>{OfflineChart.PlotlyJsElement()}";
        KernelInvocationContext.Current?.DisplayAs(html, HtmlFormatter.MimeType);
    }
}
