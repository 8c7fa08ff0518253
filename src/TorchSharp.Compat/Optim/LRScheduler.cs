namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Learning-rate schedules, as in TorchSharp.</summary>
            public static partial class lr_scheduler
            {
                /// <summary>
                /// Base of the schedulers. Each <see cref="step()"/> moves to the next epoch and sets every parameter group's
                /// learning rate to the scheduler's value; constructors of concrete schedulers take the first step.
                /// </summary>
                public abstract class LRScheduler
                {
                    protected LRScheduler()
                    {
                    }

                    protected LRScheduler(Optimizer optimizer, int last_epoch = -1, bool verbose = false)
                    {
                        _optimizer = optimizer;
                        _last_epoch = last_epoch;
                        _verbose = verbose;
                        _base_lrs = optimizer.ParamGroups.Select(pg => pg.InitialLearningRate).ToList();
                        _last_lrs = optimizer.ParamGroups.Select(pg => pg.LearningRate).ToList();
                    }

                    /// <summary>Advance the learning rate schedule.</summary>
                    /// <remarks>Typically, this is done once per epoch or once every N batches.</remarks>
                    public virtual void step()
                    {
                        step(null);
                    }

                    /// <summary>Advance the learning rate schedule; with an epoch, jump to it (the closed-form rate).</summary>
                    public virtual void step(int? epoch)
                    {
                        _step_count += 1;
                        _last_epoch = epoch.HasValue ? epoch.Value : _last_epoch + 1;

                        // get_lr() may change the scheduler's state: call it once per step.
                        var lr = (epoch.HasValue ? get_closed_form_lr() : get_lr()).ToList();
                        var pgs = _optimizer.ParamGroups.ToList();

                        for (var i = 0; i < _base_lrs.Count; i++)
                        {
                            pgs[i].LearningRate = lr[i];
                            if (_verbose && _last_lrs[i] != lr[i])
                            {
                                Console.WriteLine($"Adjusting learning rate to {lr[i]}");
                            }
                            _last_lrs[i] = lr[i];
                        }
                    }

                    /// <summary>Advance the learning rate scheduler, passing in the current value of some metric (ignored by most schedulers).</summary>
                    public virtual void step(double current, int? epoch = null)
                    {
                        step(epoch);
                    }

                    /// <summary>Compute the current learning rate for the scheduler.</summary>
                    protected virtual IEnumerable<double> get_lr() => _optimizer.ParamGroups.Select(pg => pg.LearningRate);

                    /// <summary>Computes the current closed-form learning rate.</summary>
                    protected virtual IEnumerable<double> get_closed_form_lr() => get_lr();

                    /// <summary>Return last computed learning rate by current scheduler.</summary>
                    public IEnumerable<double> get_last_lr() => _last_lrs;

                    internal Optimizer _optimizer;
                    internal int _last_epoch = -1;
                    internal bool _verbose;
                    protected int _step_count = 0;
                    internal IList<double> _last_lrs;
                    internal IList<double> _base_lrs;
                }

                /// <summary>
                /// Decays the learning rate of each parameter group by gamma every step_size epochs. The decay composes with changes
                /// made to the learning rate from outside this scheduler.
                /// </summary>
                /// <param name="optimizer">Wrapped optimizer.</param>
                /// <param name="step_size">Period of learning rate decay.</param>
                /// <param name="gamma">Multiplicative factor of learning rate decay. Default: 0.1.</param>
                /// <param name="last_epoch">The index of last epoch. Default: -1.</param>
                /// <param name="verbose">If true, prints a message to stdout for each update. Default: false.</param>
                public static LRScheduler StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1, bool verbose = false)
                {
                    return new impl.StepLR(optimizer, step_size, gamma, last_epoch, verbose);
                }

                public static partial class impl
                {
                    /// <summary>
                    /// Decays the learning rate of each parameter group by gamma every step_size epochs (chainable form: the current
                    /// rate is multiplied by gamma when the epoch is a positive multiple of step_size; closed form base·γ^⌊epoch/step_size⌋).
                    /// </summary>
                    public class StepLR : LRScheduler
                    {
                        public StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1, bool verbose = false)
                            : base(optimizer, last_epoch, verbose)
                        {
                            if (optimizer == null) throw new ArgumentNullException(nameof(optimizer));
                            _step_size = step_size;
                            _gamma = gamma;

                            step();
                        }

                        /// <summary>Compute the current learning rate for the scheduler.</summary>
                        protected override IEnumerable<double> get_lr()
                        {
                            return (_last_epoch == 0) || (_last_epoch % _step_size != 0)
                                ? _optimizer.ParamGroups.Select(pg => pg.LearningRate)
                                : _optimizer.ParamGroups.Select(pg => pg.LearningRate * _gamma);
                        }

                        /// <summary>Computes the current closed-form learning rate.</summary>
                        protected override IEnumerable<double> get_closed_form_lr()
                        {
                            return _base_lrs.Select(lr => lr * Math.Pow(_gamma, _last_epoch / _step_size));
                        }

                        private readonly int _step_size;
                        private readonly double _gamma;
                    }
                }
            }
        }
    }
}
