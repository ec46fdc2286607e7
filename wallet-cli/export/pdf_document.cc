// Passerelle wallet — laying out a credential on A4 with pango and cairo.
#include "wallet-cli/export/pdf_document.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <cmath>
#include <cstdio>
#include <memory>

#include "formats/datetime.h"
#include "formats/profile.h"
#include "wallet-cli/export/pdf_labels.h"
#include "wallet-cli/qr_render.h"

namespace passerelle::wallet {

namespace {

// A4 in PostScript points, and the page margin (2 cm).
constexpr double kPageWidth = 595.276, kPageHeight = 841.890, kMargin = 56.7;
constexpr double kTextWidth = kPageWidth - 2 * kMargin;
// The QR code's largest side, and its largest and smallest module, in
// points: 1.8 pt is 3.75 pixels in a 150 dpi scan, what zxing still reads.
constexpr double kQrMaxSide = 300, kQrMaxModule = 5, kQrMinModule = 1.8;

struct CairoDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct GObjectDeleter {
  void operator()(void* o) const { g_object_unref(o); }
};

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Draws text top-left at (x, y), wrapped to `width`; returns its height.
class Writer {
 public:
  explicit Writer(cairo_t* cr) : cr_(cr), layout_(pango_cairo_create_layout(cr)) {}
  double Text(double x, double y, double width, const std::string& text, const char* font, double grey = 0) {
    PangoFontDescription* desc = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout_.get(), desc);
    pango_font_description_free(desc);
    pango_layout_set_width(layout_.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout_.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout_.get(), text.data(), static_cast<int>(text.size()));
    cairo_set_source_rgb(cr_, grey, grey, grey);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, layout_.get());
    int w = 0, h = 0;
    pango_layout_get_size(layout_.get(), &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

 private:
  cairo_t* cr_;
  std::unique_ptr<PangoLayout, GObjectDeleter> layout_;
};

// Text longer than a printed page can show is cut (at a UTF-8 boundary)
// with an ellipsis: the page stays readable and a hostile credential cannot
// make the layout run for minutes. The signed bytes in the QR are untouched.
constexpr std::size_t kMaxTextBytes = 600;
constexpr std::size_t kMaxOutcomes = 25;

std::string Clip(std::string_view text, std::size_t max = kMaxTextBytes) {
  if (text.size() <= max) return std::string(text);
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

std::string Pick(const LanguageMap& map, const std::string& language) { return Clip(PickLanguage(map, language)); }

std::string Date(const std::optional<Timestamp>& t) { return t ? FormatDateTime(*t).substr(0, 10) : std::string(); }

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// "PT150H" → "150 h"; other durations as written.
std::string Workload(const std::string& iso) {
  if (iso.size() > 3 && iso.rfind("PT", 0) == 0 && iso.back() == 'H') return iso.substr(2, iso.size() - 3) + " h";
  return iso;
}

// (label, value) rows of the credential's facts, the empty ones left out.
std::vector<std::pair<std::string, std::string>> Facts(const Credential& vc, const Achievement& a,
                                                       const PdfLabels& l, const std::string& language) {
  std::vector<std::pair<std::string, std::string>> rows;
  auto add = [&](std::string_view label, std::string value) {
    if (!value.empty()) rows.emplace_back(std::string(label), Clip(value));
  };
  add(l.awarded_on, Date(a.awarded_on ? a.awarded_on : vc.valid_from()));
  if (a.grade) add(l.grade, a.grade->value + (a.grade->scheme.empty() ? "" : "  (" + a.grade->scheme + ")"));
  if (a.ects) add(l.credits, Number(*a.ects) + " ECTS");
  if (a.eqf_level > 0) add(l.level, "EQF " + std::to_string(a.eqf_level));
  else if (!a.nqf_level.empty()) add(l.level, "NQF " + a.nqf_level);
  add(l.workload, Workload(a.workload));
  const Party& issuer = vc.issuer();
  std::string body = Pick(issuer.name, language);
  if (!issuer.country.empty()) body += (body.empty() ? "" : " — ") + issuer.country;
  add(l.awarding_body, body);
  add(l.accreditation, a.quality_assurance);
  add(l.valid_until, Date(vc.valid_until()));
  return rows;
}

// The side of the QR code with its quiet zone, in modules.
int QrModules(const QrMatrix& qr) { return qr.size + 2 * kQuietZoneModules; }

// Draws `qr` with its top-left corner at (x, y), quiet zone included, in a
// square of at most `room` points; returns its side.
double DrawQr(cairo_t* cr, double x, double y, const QrMatrix& qr, double room) {
  int modules = QrModules(qr);
  double module = std::min(kQrMaxModule, std::min(room, kQrMaxSide) / modules);
  double side = module * modules;
  cairo_save(cr);
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, x, y, side, side);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int row = 0; row < qr.size; ++row)
    for (int col = 0; col < qr.size; ++col)
      if (qr.At(col, row))
        cairo_rectangle(cr, x + (col + kQuietZoneModules) * module, y + (row + kQuietZoneModules) * module, module,
                        module);
  cairo_fill(cr);
  cairo_restore(cr);
  return side;
}

Status DrawCredential(cairo_t* cr, const PdfCredential& item, const PdfOptions& options) {
  const Credential& vc = item.credential;
  static const Achievement kNone;
  const Achievement& a = vc.achievement() != nullptr ? *vc.achievement() : kNone;
  const std::string& lang = options.language;
  const PdfLabels& l = LabelsFor(lang);
  Writer w(cr);
  double y = kMargin - 14;

  // Header: the issuer, then the kind of credential and its code.
  y += w.Text(kMargin, y, kTextWidth, Pick(vc.issuer().name, lang), "DejaVu Sans Bold 12", 0.25) + 4;
  std::string kind = a.kind ? std::string(l.kinds[static_cast<int>(*a.kind)]) : std::string();
  if (!a.code.empty()) kind += (kind.empty() ? "" : " · ") + Clip(a.code, 100);
  y += w.Text(kMargin, y, kTextWidth, kind, "DejaVu Sans 10", 0.35) + 18;
  cairo_set_source_rgb(cr, 0.2, 0.3, 0.55);
  cairo_rectangle(cr, kMargin, y - 10, kTextWidth, 1.5);
  cairo_fill(cr);

  std::string title = Pick(a.title, lang);
  y += w.Text(kMargin, y, kTextWidth, title.empty() ? Clip(vc.id()) : title, "DejaVu Sans Bold 18") + 12;
  y += w.Text(kMargin, y, kTextWidth, std::string(l.awarded_to), "DejaVu Sans 10", 0.35) + 2;
  y += w.Text(kMargin, y, kTextWidth, Clip(a.holder_name.empty() ? (vc.subject_ids().empty() ? "" : vc.subject_ids()[0])
                                                                  : a.holder_name),
              "DejaVu Sans Bold 15") + 12;

  const double label_width = 175;
  for (const auto& [label, value] : Facts(vc, a, l, lang)) {
    double h1 = w.Text(kMargin, y, label_width - 8, label, "DejaVu Sans 10", 0.35);
    double h2 = w.Text(kMargin + label_width, y, kTextWidth - label_width, value, "DejaVu Sans 10.5");
    y += std::max(h1, h2) + 5;
  }
  if (!a.learning_outcomes.empty()) {
    y += 10;
    y += w.Text(kMargin, y, kTextWidth, std::string(l.learning_outcomes), "DejaVu Sans Bold 11") + 4;
    for (std::size_t i = 0; i < a.learning_outcomes.size() && i < kMaxOutcomes; ++i)
      y += w.Text(kMargin + 12, y, kTextWidth - 12, "• " + Pick(a.learning_outcomes[i], lang), "DejaVu Sans 10") + 3;
    if (a.learning_outcomes.size() > kMaxOutcomes)
      y += w.Text(kMargin + 12, y, kTextWidth - 12, "… (+" + std::to_string(a.learning_outcomes.size() - kMaxOutcomes) + ")",
                  "DejaVu Sans 10") + 3;
  }

  // Footer: the QR code and what identifies the credential.
  std::string ids = std::string(l.credential_id) + ": " + Clip(vc.id(), 200) + "\n" + std::string(l.issuer_key) +
                    ": " + Clip(vc.issuer().id, 200);
  if (item.qr_payload.empty()) {
    double fy = kPageHeight - kMargin - 120;
    fy += w.Text(kMargin, fy, kTextWidth, std::string(l.no_qr), "DejaVu Sans Bold 10.5", 0.15) + 10;
    w.Text(kMargin, fy, kTextWidth, ids, "DejaVu Sans Mono 7", 0.3);
  } else {
    PSL_ASSIGN_OR_RETURN(QrMatrix qr, EncodeQrMatrix(item.qr_payload));
    double footer_y = std::max(y + 12, kPageHeight - kMargin - kQrMaxSide);
    if ((kPageHeight - kMargin - footer_y) / QrModules(qr) < kQrMinModule) {
      cairo_show_page(cr);  // no room left for a readable code: it gets a page of its own
      footer_y = kPageHeight - kMargin - kQrMaxSide;
    }
    double side = DrawQr(cr, kMargin - 10, footer_y, qr, kPageHeight - kMargin - footer_y);
    double tx = kMargin - 10 + side + 8, tw = kTextWidth - side + 2;
    double ty = footer_y + 12;
    ty += w.Text(tx, ty, tw, std::string(l.scan_to_verify), "DejaVu Sans 10", 0.15) + 10;
    w.Text(tx, ty, tw, ids, "DejaVu Sans Mono 7", 0.3);
  }
  cairo_show_page(cr);
  return Status::Ok();
}

}  // namespace

Result<std::string> RenderCredentialPdf(const std::vector<PdfCredential>& credentials, const PdfOptions& options) {
  if (credentials.empty()) return Status::InvalidArgument("pdf: no credential to print");
  std::string bytes;
  std::unique_ptr<cairo_surface_t, CairoDeleter> surface(
      cairo_pdf_surface_create_for_stream(AppendBytes, &bytes, kPageWidth, kPageHeight));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Passerelle wallet");
  {
    std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(surface.get()));
    for (const auto& item : credentials) PSL_RETURN_IF_ERROR(DrawCredential(cr.get(), item, options));
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
      return Status::Internal(std::string("pdf: cairo: ") + cairo_status_to_string(cairo_status(cr.get())));
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return Status::Internal(std::string("pdf: cairo: ") + cairo_status_to_string(cairo_surface_status(surface.get())));
  return bytes;
}

}  // namespace passerelle::wallet
