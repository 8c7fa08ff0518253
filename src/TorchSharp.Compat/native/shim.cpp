// The native half of TorchSharp.Compat: a flat C ABI over libtorch's C++ API.
//
// Every entry point runs inside GUARD, which catches every C++ exception and stores its message in a
// thread-local slot; the managed side reads it with rts_last_error() after each call and throws a .NET
// exception carrying libtorch's own message. Nothing here may let an exception cross the C boundary:
// that would abort the process.
//
// Tensors cross the boundary as heap-allocated at::Tensor* handles owned by the managed side (rts_free).
#include <torch/torch.h>
#include <torch/csrc/autograd/function.h>
#include <torch/csrc/autograd/functions/utils.h>
#include <torch/csrc/autograd/saved_variable.h>
#include <algorithm>
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <dlfcn.h>
#include <malloc.h>
#include <cstring>
#include <string>

#define EXPORT extern "C" __attribute__((visibility("default")))

typedef at::Tensor* T;
typedef at::Generator* G;

static thread_local std::string g_error;
static thread_local bool g_has_error = false;

static void set_error(const char* message) {
    g_error = message;
    g_has_error = true;
}

#define GUARD(fallback, ...)                                          \
    try {                                                             \
        __VA_ARGS__                                                   \
    } catch (const c10::Error& e) {                                   \
        set_error(e.what_without_backtrace());                        \
    } catch (const std::exception& e) {                               \
        set_error(e.what());                                          \
    } catch (...) {                                                   \
        set_error("unknown libtorch error");                          \
    }                                                                 \
    return fallback;

static T wrap(at::Tensor t) { return new at::Tensor(std::move(t)); }
static T wrap_opt(const at::Tensor& t) { return t.defined() ? new at::Tensor(t) : nullptr; }
static c10::optional<at::Tensor> opt(T t) {
    return t ? c10::optional<at::Tensor>(*t) : c10::nullopt;
}
static c10::optional<at::Generator> gen(G g) {
    return g ? c10::optional<at::Generator>(*g) : c10::nullopt;
}
static at::IntArrayRef dims(const int64_t* values, int count) { return at::IntArrayRef(values, (size_t)count); }
static at::TensorOptions options(int dtype, int requires_grad) {
    return at::TensorOptions().dtype((at::ScalarType)dtype).requires_grad(requires_grad != 0);
}
// Scalars arrive as (kind, double, long): kind 0 = floating, 1 = integral, 2 = boolean.
static at::Scalar scalar(int kind, double d, int64_t l) {
    if (kind == 1) return at::Scalar(l);
    if (kind == 2) return at::Scalar(l != 0);
    return at::Scalar(d);
}

// ---------------------------------------------------------------- errors, threads, seeds
EXPORT const char* rts_last_error() {
    if (!g_has_error) return nullptr;
    g_has_error = false;
    return g_error.c_str();
}

EXPORT void rts_set_num_threads(int n) { GUARD(, at::set_num_threads(n); return;) }
EXPORT int rts_get_num_threads() { GUARD(-1, return at::get_num_threads();) }
EXPORT void rts_set_num_interop_threads(int n) { GUARD(, at::set_num_interop_threads(n); return;) }

// OpenBLAS is reached through dlsym so the shim also loads against a libtorch that uses another BLAS.
EXPORT int rts_set_blas_threads(int n) {
    typedef void (*setter)(int);
    void* symbol = dlsym(RTLD_DEFAULT, "openblas_set_num_threads");
    if (!symbol) return 0;
    ((setter)symbol)(n);
    return 1;
}

EXPORT int rts_get_blas_threads() {
    typedef int (*getter)();
    void* symbol = dlsym(RTLD_DEFAULT, "openblas_get_num_threads");
    return symbol ? ((getter)symbol)() : -1;
}

// glibc serves allocations above 128 KiB with mmap and returns them to the kernel on free, so every step's
// weight-sized temporaries (a 784x256 float gradient is 800 KiB) page-fault afresh. Raising the thresholds keeps
// them in the heap: measured here, a penalty's extra temporaries then cost a few percent of a step instead of ~30%.
EXPORT void rts_tune_allocator() {
    mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
}

EXPORT void rts_manual_seed(int64_t seed) { GUARD(, torch::manual_seed((uint64_t)seed); return;) }
EXPORT int64_t rts_default_initial_seed() {
    GUARD(0, return (int64_t)at::detail::getDefaultCPUGenerator().current_seed();)
}
EXPORT int64_t rts_default_seed() {
    GUARD(0, auto g = at::detail::getDefaultCPUGenerator(); std::lock_guard<std::mutex> lock(g.mutex()); return (int64_t)g.seed();)
}
EXPORT G rts_default_generator() { GUARD(nullptr, return new at::Generator(at::detail::getDefaultCPUGenerator());) }
EXPORT G rts_generator_new(int64_t seed) { GUARD(nullptr, return new at::Generator(at::make_generator<at::CPUGeneratorImpl>((uint64_t)seed));) }
EXPORT void rts_generator_free(G g) { delete g; }
EXPORT void rts_generator_manual_seed(G g, int64_t seed) {
    GUARD(, std::lock_guard<std::mutex> lock(g->mutex()); g->set_current_seed((uint64_t)seed); return;)
}
EXPORT int64_t rts_generator_initial_seed(G g) { GUARD(0, return (int64_t)g->current_seed();) }
EXPORT int64_t rts_generator_seed(G g) { GUARD(0, std::lock_guard<std::mutex> lock(g->mutex()); return (int64_t)g->seed();) }
EXPORT T rts_generator_get_state(G g) { GUARD(nullptr, std::lock_guard<std::mutex> lock(g->mutex()); return wrap(g->get_state());) }
EXPORT void rts_generator_set_state(G g, T state) { GUARD(, std::lock_guard<std::mutex> lock(g->mutex()); g->set_state(*state); return;) }

// ---------------------------------------------------------------- grad mode
EXPORT int rts_is_grad_enabled() { return at::GradMode::is_enabled() ? 1 : 0; }
EXPORT void rts_set_grad_enabled(int enabled) { at::GradMode::set_enabled(enabled != 0); }

// ---------------------------------------------------------------- lifetime and properties
EXPORT void rts_free(T t) { delete t; }
// A second handle to the same tensor (same TensorImpl, same autograd history).
EXPORT T rts_share(T t) { return new at::Tensor(*t); }
EXPORT int64_t rts_dim(T t) { GUARD(-1, return t->dim();) }
EXPORT void rts_shape(T t, int64_t* out) { GUARD(, auto s = t->sizes(); std::memcpy(out, s.data(), s.size() * sizeof(int64_t)); return;) }
EXPORT int64_t rts_numel(T t) { GUARD(-1, return t->numel();) }
EXPORT int rts_dtype(T t) { GUARD(-1, return (int)t->scalar_type();) }
EXPORT int64_t rts_element_size(T t) { GUARD(-1, return (int64_t)t->element_size();) }
EXPORT int rts_requires_grad(T t) { GUARD(-1, return t->requires_grad() ? 1 : 0;) }
EXPORT void rts_set_requires_grad(T t, int value) { GUARD(, t->set_requires_grad(value != 0); return;) }
EXPORT int rts_is_leaf(T t) { GUARD(-1, return t->is_leaf() ? 1 : 0;) }
EXPORT int rts_is_contiguous(T t) { GUARD(-1, return t->is_contiguous() ? 1 : 0;) }
EXPORT T rts_grad(T t) { GUARD(nullptr, return wrap_opt(t->grad());) }
EXPORT void rts_set_grad(T t, T g) { GUARD(, t->mutable_grad() = g ? *g : at::Tensor(); return;) }
EXPORT void rts_retain_grad(T t) { GUARD(, t->retain_grad(); return;) }
EXPORT void* rts_data_ptr(T t) { GUARD(nullptr, return t->data_ptr();) }
EXPORT double rts_item_double(T t) { GUARD(0.0, return t->item<double>();) }
EXPORT int64_t rts_item_long(T t) { GUARD(0, return t->item<int64_t>();) }
EXPORT int rts_same(T a, T b) { return a->is_same(*b) ? 1 : 0; }

// ---------------------------------------------------------------- creation
EXPORT T rts_from_data(const void* data, int dtype, const int64_t* shape, int ndim, int requires_grad) {
    GUARD(nullptr,
        auto result = at::empty(dims(shape, ndim), options(dtype, 0));
        std::memcpy(result.data_ptr(), data, result.numel() * result.element_size());
        if (requires_grad) result.set_requires_grad(true);
        return wrap(result);)
}

// kind: 0 zeros, 1 ones, 2 empty, 3 rand, 4 randn
EXPORT T rts_factory(int kind, const int64_t* shape, int ndim, int dtype, int requires_grad, G g) {
    GUARD(nullptr,
        auto size = dims(shape, ndim);
        auto o = options(dtype, 0);
        at::Tensor r;
        switch (kind) {
            case 0: r = at::zeros(size, o); break;
            case 1: r = at::ones(size, o); break;
            case 2: r = at::empty(size, o); break;
            case 3: r = at::rand(size, gen(g), o); break;
            default: r = at::randn(size, gen(g), o); break;
        }
        if (requires_grad) r.set_requires_grad(true);
        return wrap(r);)
}

EXPORT T rts_like(int kind, T t, int dtype, int requires_grad) {
    GUARD(nullptr,
        auto o = t->options().dtype(dtype < 0 ? t->scalar_type() : (at::ScalarType)dtype);
        at::Tensor r;
        switch (kind) {
            case 0: r = at::zeros_like(*t, o); break;
            case 1: r = at::ones_like(*t, o); break;
            case 2: r = at::empty_like(*t, o); break;
            case 3: r = at::rand_like(*t, o); break;
            default: r = at::randn_like(*t, o); break;
        }
        if (requires_grad) r.set_requires_grad(true);
        return wrap(r);)
}

EXPORT T rts_full(const int64_t* shape, int ndim, int skind, double sd, int64_t sl, int dtype, int requires_grad) {
    GUARD(nullptr, auto r = at::full(dims(shape, ndim), scalar(skind, sd, sl), options(dtype, 0)); if (requires_grad) r.set_requires_grad(true); return wrap(r);)
}
EXPORT T rts_randint(int64_t low, int64_t high, const int64_t* shape, int ndim, int dtype, G g) {
    GUARD(nullptr, return wrap(at::randint(low, high, dims(shape, ndim), gen(g), options(dtype, 0)));)
}
EXPORT T rts_randperm(int64_t n, int dtype, G g) { GUARD(nullptr, return wrap(at::randperm(n, gen(g), options(dtype, 0)));) }
EXPORT T rts_arange(int k, double start, double stop, double step, int64_t ls, int64_t le, int64_t lstep, int dtype, int requires_grad) {
    GUARD(nullptr,
        at::Tensor r = k == 1 ? at::arange(at::Scalar(ls), at::Scalar(le), at::Scalar(lstep), options(dtype, 0))
                              : at::arange(at::Scalar(start), at::Scalar(stop), at::Scalar(step), options(dtype, 0));
        if (requires_grad) r.set_requires_grad(true);
        return wrap(r);)
}
EXPORT T rts_eye(int64_t rows, int64_t cols, int dtype, int requires_grad) {
    GUARD(nullptr, auto r = at::eye(rows, cols < 0 ? rows : cols, options(dtype, 0)); if (requires_grad) r.set_requires_grad(true); return wrap(r);)
}
EXPORT T rts_linspace(double start, double end, int64_t steps, int dtype, int requires_grad) {
    GUARD(nullptr, auto r = at::linspace(start, end, steps, options(dtype, 0)); if (requires_grad) r.set_requires_grad(true); return wrap(r);)
}

// ---------------------------------------------------------------- autograd
EXPORT void rts_backward(T t, T grad, int retain_graph, int create_graph) {
    GUARD(, t->backward(grad ? *grad : at::Tensor(), retain_graph != 0, create_graph != 0); return;)
}
EXPORT void rts_backward_many(T* tensors, T* grads, int n, int retain_graph, int create_graph) {
    GUARD(,
        std::vector<at::Tensor> ts, gs;
        for (int i = 0; i < n; i++) { ts.push_back(*tensors[i]); gs.push_back(grads && grads[i] ? *grads[i] : at::Tensor()); }
        torch::autograd::backward(ts, gs, retain_graph != 0, create_graph != 0);
        return;)
}

// ---------------------------------------------------------------- custom autograd functions
// A node whose backward is managed code (torch.autograd.Function<T>). The managed side owns a state object
// through an opaque handle; the node calls back into it for backward and tells it when the node is destroyed.
// A failing managed backward stores its message with rts_set_callback_error and returns nonzero; the node then
// throws, so the engine unwinds and backward() reports the message like any libtorch error.
typedef int (*managed_backward)(void* state, T* grads, int n_grads, T* results, int n_results);
typedef void (*managed_release)(void* state);
static managed_backward g_managed_backward = nullptr;
static managed_release g_managed_release = nullptr;
static thread_local std::string g_callback_error;

struct ManagedNode : public torch::autograd::Node {
    ManagedNode(std::string name, void* state) : name_(std::move(name)), state_(state) {}
    ~ManagedNode() override { if (state_ && g_managed_release) g_managed_release(state_); }

    torch::autograd::variable_list apply(torch::autograd::variable_list&& grads) override {
        std::vector<T> in(grads.size(), nullptr);
        for (size_t i = 0; i < grads.size(); i++) in[i] = grads[i].defined() ? new at::Tensor(grads[i]) : nullptr;
        std::vector<T> out(num_outputs(), nullptr);
        int rc = g_managed_backward(state_, in.data(), (int)in.size(), out.data(), (int)out.size());
        torch::autograd::variable_list result(out.size());
        for (size_t i = 0; i < out.size(); i++) {
            if (out[i]) { result[i] = *out[i]; delete out[i]; }
        }
        if (rc != 0) throw std::runtime_error(g_callback_error);
        return result;
    }

    std::string name() const override { return name_; }
    void release_variables() override { for (auto& s : saved_) s.reset_data(); }

    std::string name_;
    void* state_;
    std::vector<torch::autograd::SavedVariable> saved_;
    std::vector<at::TensorImpl*> outputs_;
};
typedef std::shared_ptr<ManagedNode>* N;

EXPORT void rts_autograd_callbacks(managed_backward backward, managed_release release) {
    g_managed_backward = backward;
    g_managed_release = release;
}
EXPORT void rts_set_callback_error(const char* message) { g_callback_error = message ? message : "managed backward failed"; }

// Creates the node with edges to the inputs (null handles are undefined inputs). The returned handle keeps the
// node alive until rts_node_free; the outputs' grad_fn keep it alive after that.
EXPORT N rts_node_new(const char* name, void* state, T* inputs, int n) {
    GUARD(nullptr,
        torch::autograd::variable_list vars;
        for (int i = 0; i < n; i++) vars.push_back(inputs[i] ? *inputs[i] : at::Tensor());
        // The state is handed over only once the node is complete: if building it fails, the caller still owns it.
        auto node = std::shared_ptr<ManagedNode>(new ManagedNode(name, nullptr), torch::autograd::deleteNode);
        node->set_next_edges(torch::autograd::collect_next_edges(vars));
        node->state_ = state;
        return new std::shared_ptr<ManagedNode>(node);)
}
EXPORT void* rts_node_raw(N node) { return node->get(); }
EXPORT void rts_node_free(N node) { delete node; }

EXPORT void rts_node_add_output(N node, T output) {
    GUARD(,
        if (output->requires_grad() || output->is_view())
            throw std::runtime_error("a custom autograd Function's forward must return new tensors: this output already requires grad or is a view (of an input?).");
        (*node)->outputs_.push_back(output->unsafeGetTensorImpl());
        torch::autograd::set_history(*output, *node);
        return;)
}

EXPORT void rts_node_save(N node, T* tensors, int n) {
    GUARD(,
        auto& outputs = (*node)->outputs_;
        for (int i = 0; i < n; i++) {
            if (!tensors[i]) { (*node)->saved_.emplace_back(); continue; }
            bool is_output = std::find(outputs.begin(), outputs.end(), tensors[i]->unsafeGetTensorImpl()) != outputs.end();
            (*node)->saved_.emplace_back(*tensors[i], is_output);
        }
        return;)
}

// Unpacks the saved tensors (null for saved nulls), checking that none was modified in place since it was saved.
EXPORT void rts_node_saved(void* raw, T* out, int n) {
    GUARD(,
        auto node = static_cast<ManagedNode*>(raw);
        auto self = node->shared_from_this();
        for (int i = 0; i < n; i++) out[i] = wrap_opt(node->saved_[i].unpack(self));
        return;)
}

// ---------------------------------------------------------------- elementwise
enum Unary {
    U_ABS, U_SIGN, U_SQRT, U_EXP, U_LOG, U_NEG, U_RELU, U_SIGMOID, U_TANH, U_SQUARE, U_RECIPROCAL, U_FLOOR,
    U_ISNAN, U_ISFINITE, U_T, U_CONTIGUOUS, U_CLONE, U_DETACH, U_LOGICAL_NOT, U_BERNOULLI, U_NONZERO, U_MT, U_ALIAS
};

static at::Tensor unary(int op, const at::Tensor& t) {
    switch (op) {
        case U_ABS: return t.abs();
        case U_SIGN: return t.sign();
        case U_SQRT: return t.sqrt();
        case U_EXP: return t.exp();
        case U_LOG: return t.log();
        case U_NEG: return t.neg();
        case U_RELU: return t.relu();
        case U_SIGMOID: return t.sigmoid();
        case U_TANH: return t.tanh();
        case U_SQUARE: return t.square();
        case U_RECIPROCAL: return t.reciprocal();
        case U_FLOOR: return t.floor();
        case U_ISNAN: return t.isnan();
        case U_ISFINITE: return t.isfinite();
        case U_T: return t.t();
        case U_CONTIGUOUS: return t.contiguous();
        case U_CLONE: return t.clone();
        case U_DETACH: return t.detach();
        case U_LOGICAL_NOT: return t.logical_not();
        case U_NONZERO: return t.nonzero();
        case U_MT: return t.mT();
        case U_ALIAS: return at::alias(t);
        default: TORCH_CHECK(false, "unknown unary op ", op);
    }
}

static void unary_(int op, at::Tensor& t) {
    switch (op) {
        case U_ABS: t.abs_(); return;
        case U_SIGN: t.sign_(); return;
        case U_SQRT: t.sqrt_(); return;
        case U_EXP: t.exp_(); return;
        case U_LOG: t.log_(); return;
        case U_NEG: t.neg_(); return;
        case U_RELU: t.relu_(); return;
        case U_SIGMOID: t.sigmoid_(); return;
        case U_TANH: t.tanh_(); return;
        case U_DETACH: t.detach_(); return;
        default: TORCH_CHECK(false, "unknown in-place unary op ", op);
    }
}

EXPORT T rts_unary(int op, T t) { GUARD(nullptr, return wrap(unary(op, *t));) }
EXPORT void rts_unary_(int op, T t) { GUARD(, unary_(op, *t); return;) }

enum Binary {
    B_ADD, B_SUB, B_MUL, B_DIV, B_POW, B_EQ, B_NE, B_GT, B_LT, B_GE, B_LE, B_MAXIMUM, B_MINIMUM, B_MATMUL, B_MM,
    B_REMAINDER, B_AND, B_OR, B_XOR, B_OUTER, B_DIV_TRUNC, B_DIV_FLOOR, B_DOT
};

static at::Tensor binary(int op, const at::Tensor& a, const at::Tensor& b, const at::Scalar& alpha) {
    switch (op) {
        case B_ADD: return at::add(a, b, alpha);
        case B_SUB: return at::sub(a, b, alpha);
        case B_MUL: return at::mul(a, b);
        case B_DIV: return at::div(a, b);
        case B_DIV_TRUNC: return at::div(a, b, "trunc");
        case B_DIV_FLOOR: return at::div(a, b, "floor");
        case B_POW: return at::pow(a, b);
        case B_EQ: return at::eq(a, b);
        case B_NE: return at::ne(a, b);
        case B_GT: return at::gt(a, b);
        case B_LT: return at::lt(a, b);
        case B_GE: return at::ge(a, b);
        case B_LE: return at::le(a, b);
        case B_MAXIMUM: return at::maximum(a, b);
        case B_MINIMUM: return at::minimum(a, b);
        case B_MATMUL: return at::matmul(a, b);
        case B_MM: return at::mm(a, b);
        case B_REMAINDER: return at::remainder(a, b);
        case B_AND: return at::bitwise_and(a, b);
        case B_OR: return at::bitwise_or(a, b);
        case B_XOR: return at::bitwise_xor(a, b);
        case B_OUTER: return at::outer(a, b);
        case B_DOT: return at::dot(a, b);
        default: TORCH_CHECK(false, "unknown binary op ", op);
    }
}

static at::Tensor binary_scalar(int op, const at::Tensor& a, const at::Scalar& s, const at::Scalar& alpha) {
    switch (op) {
        case B_ADD: return at::add(a, s, alpha);
        case B_SUB: return at::sub(a, s, alpha);
        case B_MUL: return at::mul(a, s);
        case B_DIV: return at::div(a, s);
        case B_DIV_TRUNC: return at::div(a, s, "trunc");
        case B_DIV_FLOOR: return at::div(a, s, "floor");
        case B_POW: return at::pow(a, s);
        case B_EQ: return at::eq(a, s);
        case B_NE: return at::ne(a, s);
        case B_GT: return at::gt(a, s);
        case B_LT: return at::lt(a, s);
        case B_GE: return at::ge(a, s);
        case B_LE: return at::le(a, s);
        case B_REMAINDER: return at::remainder(a, s);
        default: TORCH_CHECK(false, "unknown tensor-scalar op ", op);
    }
}

// Scalar on the left: s - a, s / a, s ** a, and the comparisons mirrored.
static at::Tensor scalar_binary(int op, const at::Scalar& s, const at::Tensor& a) {
    switch (op) {
        case B_ADD: return at::add(a, s);
        case B_SUB: return at::rsub(a, s);
        case B_MUL: return at::mul(a, s);
        case B_DIV: return at::mul(at::reciprocal(a), s);
        case B_POW: return at::pow(s, a);
        case B_EQ: return at::eq(a, s);
        case B_NE: return at::ne(a, s);
        case B_GT: return at::lt(a, s);
        case B_LT: return at::gt(a, s);
        case B_GE: return at::le(a, s);
        case B_LE: return at::ge(a, s);
        default: TORCH_CHECK(false, "unknown scalar-tensor op ", op);
    }
}

static void binary_(int op, at::Tensor& a, const at::Tensor& b, const at::Scalar& alpha) {
    switch (op) {
        case B_ADD: a.add_(b, alpha); return;
        case B_SUB: a.sub_(b, alpha); return;
        case B_MUL: a.mul_(b); return;
        case B_DIV: a.div_(b); return;
        case B_DIV_TRUNC: a.div_(b, "trunc"); return;
        case B_DIV_FLOOR: a.div_(b, "floor"); return;
        case B_POW: a.pow_(b); return;
        default: TORCH_CHECK(false, "unknown in-place binary op ", op);
    }
}

static void binary_scalar_(int op, at::Tensor& a, const at::Scalar& s, const at::Scalar& alpha) {
    switch (op) {
        case B_ADD: a.add_(s, alpha); return;
        case B_SUB: a.sub_(s, alpha); return;
        case B_MUL: a.mul_(s); return;
        case B_DIV: a.div_(s); return;
        case B_DIV_TRUNC: a.div_(s, "trunc"); return;
        case B_DIV_FLOOR: a.div_(s, "floor"); return;
        case B_POW: a.pow_(s); return;
        default: TORCH_CHECK(false, "unknown in-place tensor-scalar op ", op);
    }
}

EXPORT T rts_binary(int op, T a, T b, int akind, double ad, int64_t al) {
    GUARD(nullptr, return wrap(binary(op, *a, *b, scalar(akind, ad, al)));)
}
EXPORT T rts_binary_scalar(int op, T a, int skind, double sd, int64_t sl, int akind, double ad, int64_t al) {
    GUARD(nullptr, return wrap(binary_scalar(op, *a, scalar(skind, sd, sl), scalar(akind, ad, al)));)
}
EXPORT T rts_scalar_binary(int op, int skind, double sd, int64_t sl, T a) {
    GUARD(nullptr, return wrap(scalar_binary(op, scalar(skind, sd, sl), *a));)
}
EXPORT void rts_binary_(int op, T a, T b, int akind, double ad, int64_t al) {
    GUARD(, binary_(op, *a, *b, scalar(akind, ad, al)); return;)
}
EXPORT void rts_binary_scalar_(int op, T a, int skind, double sd, int64_t sl, int akind, double ad, int64_t al) {
    GUARD(, binary_scalar_(op, *a, scalar(skind, sd, sl), scalar(akind, ad, al)); return;)
}

EXPORT void rts_addcmul_(T t, T a, T b, int skind, double sd, int64_t sl) { GUARD(, t->addcmul_(*a, *b, scalar(skind, sd, sl)); return;) }
EXPORT void rts_addcdiv_(T t, T a, T b, int skind, double sd, int64_t sl) { GUARD(, t->addcdiv_(*a, *b, scalar(skind, sd, sl)); return;) }
EXPORT void rts_lerp_(T t, T end, T weight) { GUARD(, t->lerp_(*end, *weight); return;) }
EXPORT void rts_copy_(T t, T src, int non_blocking) { GUARD(, t->copy_(*src, non_blocking != 0); return;) }
EXPORT void rts_zero_(T t) { GUARD(, t->zero_(); return;) }
EXPORT void rts_fill_(T t, int skind, double sd, int64_t sl) { GUARD(, t->fill_(scalar(skind, sd, sl)); return;) }
EXPORT void rts_uniform_(T t, double from, double to, G g) { GUARD(, t->uniform_(from, to, gen(g)); return;) }
EXPORT void rts_normal_(T t, double mean, double std, G g) { GUARD(, t->normal_(mean, std, gen(g)); return;) }
EXPORT void rts_bernoulli_p_(T t, double p, G g) { GUARD(, t->bernoulli_(p, gen(g)); return;) }
EXPORT void rts_bernoulli_t_(T t, T p, G g) { GUARD(, t->bernoulli_(*p, gen(g)); return;) }
EXPORT T rts_bernoulli(T t, G g) { GUARD(nullptr, return wrap(at::bernoulli(*t, gen(g)));) }
EXPORT T rts_normal(T mean, T std, G g) { GUARD(nullptr, return wrap(at::normal(*mean, *std, gen(g)));) }

// Clamp bounds: has_min/has_max select whether each side applies.
EXPORT T rts_clamp(T t, int has_min, int minkind, double mind, int64_t minl, int has_max, int maxkind, double maxd, int64_t maxl) {
    GUARD(nullptr,
        c10::optional<at::Scalar> lo = has_min ? c10::optional<at::Scalar>(scalar(minkind, mind, minl)) : c10::nullopt;
        c10::optional<at::Scalar> hi = has_max ? c10::optional<at::Scalar>(scalar(maxkind, maxd, maxl)) : c10::nullopt;
        return wrap(at::clamp(*t, lo, hi));)
}
EXPORT void rts_clamp_(T t, int has_min, int minkind, double mind, int64_t minl, int has_max, int maxkind, double maxd, int64_t maxl) {
    GUARD(,
        c10::optional<at::Scalar> lo = has_min ? c10::optional<at::Scalar>(scalar(minkind, mind, minl)) : c10::nullopt;
        c10::optional<at::Scalar> hi = has_max ? c10::optional<at::Scalar>(scalar(maxkind, maxd, maxl)) : c10::nullopt;
        t->clamp_(lo, hi);
        return;)
}
EXPORT T rts_clamp_tensor(T t, T lo, T hi) { GUARD(nullptr, return wrap(at::clamp(*t, opt(lo), opt(hi)));) }
EXPORT void rts_clamp_tensor_(T t, T lo, T hi) { GUARD(, t->clamp_(opt(lo), opt(hi)); return;) }
EXPORT T rts_masked_fill(T t, T mask, int skind, double sd, int64_t sl) { GUARD(nullptr, return wrap(t->masked_fill(*mask, scalar(skind, sd, sl)));) }
EXPORT T rts_where(T cond, T x, T y) { GUARD(nullptr, return wrap(at::where(*cond, *x, *y));) }
EXPORT T rts_renorm(T t, double p, int64_t dim, double maxnorm) { GUARD(nullptr, return wrap(at::renorm(*t, p, dim, maxnorm));) }
EXPORT void rts_renorm_(T t, double p, int64_t dim, double maxnorm) { GUARD(, t->renorm_(p, dim, maxnorm); return;) }
EXPORT T rts_to_dtype(T t, int dtype, int copy) { GUARD(nullptr, return wrap(t->to((at::ScalarType)dtype, false, copy != 0));) }
EXPORT int rts_allclose(T a, T b, double rtol, double atol, int equal_nan) { GUARD(-1, return at::allclose(*a, *b, rtol, atol, equal_nan != 0) ? 1 : 0;) }
EXPORT int rts_equal(T a, T b) { GUARD(-1, return at::equal(*a, *b) ? 1 : 0;) }

// ---------------------------------------------------------------- reductions
EXPORT T rts_sum(T t, const int64_t* d, int nd, int all, int keepdim, int dtype) {
    GUARD(nullptr,
        c10::optional<at::ScalarType> st = dtype < 0 ? c10::nullopt : c10::optional<at::ScalarType>((at::ScalarType)dtype);
        return wrap(all ? at::sum(*t, st) : at::sum(*t, dims(d, nd), keepdim != 0, st));)
}
EXPORT T rts_mean(T t, const int64_t* d, int nd, int all, int keepdim, int dtype) {
    GUARD(nullptr,
        c10::optional<at::ScalarType> st = dtype < 0 ? c10::nullopt : c10::optional<at::ScalarType>((at::ScalarType)dtype);
        return wrap(all ? at::mean(*t, st) : at::mean(*t, dims(d, nd), keepdim != 0, st));)
}
EXPORT T rts_var_std(int is_std, T t, const int64_t* d, int nd, int all, int unbiased, int keepdim) {
    GUARD(nullptr,
        if (all) return wrap(is_std ? at::std(*t, unbiased != 0) : at::var(*t, unbiased != 0));
        return wrap(is_std ? at::std(*t, dims(d, nd), unbiased != 0, keepdim != 0) : at::var(*t, dims(d, nd), unbiased != 0, keepdim != 0));)
}
// kind: 0 max, 1 min, 2 argmax, 3 any, 4 all
EXPORT T rts_reduce_all(int kind, T t) {
    GUARD(nullptr,
        switch (kind) {
            case 0: return wrap(t->max());
            case 1: return wrap(t->min());
            case 2: return wrap(t->argmax());
            case 3: return wrap(t->any());
            default: return wrap(t->all());
        })
}
EXPORT T rts_reduce_dim(int kind, T t, int64_t dim, int keepdim) {
    GUARD(nullptr,
        switch (kind) {
            case 2: return wrap(t->argmax(dim, keepdim != 0));
            case 3: return wrap(t->any(dim, keepdim != 0));
            case 4: return wrap(t->all(dim, keepdim != 0));
            case 5: return wrap(t->logsumexp(dim, keepdim != 0));
            default: TORCH_CHECK(false, "unknown reduction ", kind);
        })
}
EXPORT T rts_max_min_dim(int is_min, T t, int64_t dim, int keepdim, T* indices) {
    GUARD(nullptr,
        auto r = is_min ? t->min(dim, keepdim != 0) : t->max(dim, keepdim != 0);
        *indices = wrap(std::get<1>(r));
        return wrap(std::get<0>(r));)
}
EXPORT T rts_norm(T t, double p) { GUARD(nullptr, return wrap(t->norm(p));) }
EXPORT T rts_norm_dim(T t, int64_t dim, int keepdim, double p) { GUARD(nullptr, return wrap(at::norm(*t, p, {dim}, keepdim != 0));) }
EXPORT T rts_vector_norm(T t, double ord, const int64_t* dims, int ndims, int keepdim) {
    GUARD(nullptr,
        auto d = dims ? c10::optional<at::IntArrayRef>(at::IntArrayRef(dims, (size_t)ndims)) : c10::nullopt;
        return wrap(at::linalg_vector_norm(*t, ord, d, keepdim != 0));)
}
EXPORT T rts_cumsum(T t, int64_t dim, int dtype) {
    GUARD(nullptr, return wrap(dtype < 0 ? t->cumsum(dim) : t->cumsum(dim, (at::ScalarType)dtype));)
}
EXPORT T rts_topk(T t, int64_t k, int64_t dim, int largest, int sorted, T* indices) {
    GUARD(nullptr, auto r = t->topk(k, dim, largest != 0, sorted != 0); *indices = wrap(std::get<1>(r)); return wrap(std::get<0>(r));)
}
EXPORT T rts_sort(T t, int64_t dim, int descending, int stable, T* indices) {
    GUARD(nullptr, auto r = t->sort(stable != 0, dim, descending != 0); *indices = wrap(std::get<1>(r)); return wrap(std::get<0>(r));)
}
EXPORT T rts_argsort(T t, int64_t dim, int descending) { GUARD(nullptr, return wrap(t->argsort(dim, descending != 0));) }

// ---------------------------------------------------------------- shapes and indexing
EXPORT T rts_reshape(T t, const int64_t* s, int n) { GUARD(nullptr, return wrap(t->reshape(dims(s, n)));) }
EXPORT T rts_view(T t, const int64_t* s, int n) { GUARD(nullptr, return wrap(t->view(dims(s, n)));) }
EXPORT T rts_expand(T t, const int64_t* s, int n, int implicit) { GUARD(nullptr, return wrap(t->expand(dims(s, n), implicit != 0));) }
EXPORT T rts_flatten(T t, int64_t start, int64_t end) { GUARD(nullptr, return wrap(t->flatten(start, end));) }
EXPORT T rts_unsqueeze(T t, int64_t dim) { GUARD(nullptr, return wrap(t->unsqueeze(dim));) }
EXPORT T rts_squeeze(T t, int has_dim, int64_t dim) { GUARD(nullptr, return wrap(has_dim ? t->squeeze(dim) : t->squeeze());) }
EXPORT T rts_transpose(T t, int64_t a, int64_t b) { GUARD(nullptr, return wrap(t->transpose(a, b));) }
EXPORT T rts_narrow(T t, int64_t dim, int64_t start, int64_t length) { GUARD(nullptr, return wrap(t->narrow(dim, start, length));) }
EXPORT T rts_slice(T t, int64_t dim, int64_t start, int64_t end, int64_t step) { GUARD(nullptr, return wrap(t->slice(dim, start, end, step));) }
EXPORT T rts_select(T t, int64_t dim, int64_t index) { GUARD(nullptr, return wrap(t->select(dim, index));) }
EXPORT T rts_index_select(T t, int64_t dim, T index) { GUARD(nullptr, return wrap(t->index_select(dim, *index));) }
EXPORT T rts_gather(T t, int64_t dim, T index) { GUARD(nullptr, return wrap(t->gather(dim, *index));) }
EXPORT T rts_index(T t, T* indices, int n) {
    GUARD(nullptr,
        c10::List<c10::optional<at::Tensor>> list;
        for (int i = 0; i < n; i++) list.push_back(*indices[i]);
        return wrap(t->index(list));)
}
EXPORT void rts_index_put_(T t, T* indices, int n, T value) {
    GUARD(,
        c10::List<c10::optional<at::Tensor>> list;
        for (int i = 0; i < n; i++) list.push_back(*indices[i]);
        t->index_put_(list, *value);
        return;)
}
EXPORT T rts_cat(T* ts, int n, int64_t dim, int stack) {
    GUARD(nullptr,
        std::vector<at::Tensor> v;
        v.reserve(n);
        for (int i = 0; i < n; i++) v.push_back(*ts[i]);
        return wrap(stack ? at::stack(v, dim) : at::cat(v, dim));)
}
// Fills out[] with up to n handles; returns the count.
EXPORT int rts_split(T t, const int64_t* sizes, int nsizes, int64_t dim, int chunks, T* out, int capacity) {
    GUARD(-1,
        std::vector<at::Tensor> parts;
        if (chunks > 0) parts = t->chunk(chunks, dim);
        else if (nsizes == 1) parts = t->split(sizes[0], dim);
        else parts = t->split_with_sizes(dims(sizes, nsizes), dim);
        int count = (int)parts.size();
        for (int i = 0; i < count && i < capacity; i++) out[i] = wrap(parts[i]);
        return count;)
}
EXPORT T rts_unique(T t, int sorted, int return_inverse, int return_counts, int has_dim, int64_t dim, T* inverse, T* counts) {
    GUARD(nullptr,
        auto r = has_dim ? at::unique_dim(*t, dim, sorted != 0, return_inverse != 0, return_counts != 0)
                         : at::_unique2(*t, sorted != 0, return_inverse != 0, return_counts != 0);
        *inverse = return_inverse ? wrap(std::get<1>(r)) : nullptr;
        *counts = return_counts ? wrap(std::get<2>(r)) : nullptr;
        return wrap(std::get<0>(r));)
}
EXPORT T rts_one_hot(T t, int64_t num_classes) { GUARD(nullptr, return wrap(at::one_hot(*t, num_classes));) }

// ---------------------------------------------------------------- neural-network functions
EXPORT T rts_linear(T x, T w, T b) { GUARD(nullptr, return wrap(at::linear(*x, *w, opt(b)));) }
EXPORT T rts_softmax(T t, int64_t dim, int dtype, int log) {
    GUARD(nullptr,
        c10::optional<at::ScalarType> st = dtype < 0 ? c10::nullopt : c10::optional<at::ScalarType>((at::ScalarType)dtype);
        return wrap(log ? at::log_softmax(*t, dim, st) : at::softmax(*t, dim, st));)
}
EXPORT T rts_dropout(T t, double p, int train) { GUARD(nullptr, return wrap(at::dropout(*t, p, train != 0));) }
EXPORT void rts_dropout_(T t, double p, int train) { GUARD(, at::dropout_(*t, p, train != 0); return;) }
EXPORT T rts_cross_entropy(T input, T target, T weight, int64_t reduction, int64_t ignore_index, double label_smoothing) {
    GUARD(nullptr, return wrap(at::cross_entropy_loss(*input, *target, opt(weight), reduction, ignore_index, label_smoothing));)
}
EXPORT T rts_nll_loss(T input, T target, T weight, int64_t reduction, int64_t ignore_index) {
    GUARD(nullptr, return wrap(at::nll_loss_nd(*input, *target, opt(weight), reduction, ignore_index));)
}
EXPORT T rts_mse_loss(T input, T target, int64_t reduction) { GUARD(nullptr, return wrap(at::mse_loss(*input, *target, reduction));) }
EXPORT T rts_bce_with_logits(T input, T target, T weight, T pos_weight, int64_t reduction) {
    GUARD(nullptr, return wrap(at::binary_cross_entropy_with_logits(*input, *target, opt(weight), opt(pos_weight), reduction));)
}
EXPORT T rts_conv2d(T x, T w, T b, const int64_t* stride, const int64_t* padding, const int64_t* dilation, int64_t groups) {
    GUARD(nullptr, return wrap(at::conv2d(*x, *w, opt(b), dims(stride, 2), dims(padding, 2), dims(dilation, 2), groups));)
}
EXPORT T rts_max_pool2d(T x, const int64_t* kernel, const int64_t* stride, const int64_t* padding, const int64_t* dilation, int ceil_mode) {
    GUARD(nullptr, return wrap(at::max_pool2d(*x, dims(kernel, 2), dims(stride, 2), dims(padding, 2), dims(dilation, 2), ceil_mode != 0));)
}
EXPORT T rts_batch_norm(T x, T weight, T bias, T running_mean, T running_var, int training, double momentum, double eps) {
    GUARD(nullptr, return wrap(at::batch_norm(*x, opt(weight), opt(bias), opt(running_mean), opt(running_var), training != 0, momentum, eps, false));)
}

// ---------------------------------------------------------------- serialization (libtorch's own format)
EXPORT void rts_save(T t, const char* path) { GUARD(, torch::save(*t, std::string(path)); return;) }
EXPORT T rts_load(const char* path) { GUARD(nullptr, at::Tensor t; torch::load(t, std::string(path)); return wrap(t);) }
