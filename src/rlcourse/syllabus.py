"""The course syllabus: 7 modules, 49 lessons and their exercises.

This is the one place that lists the course. The titles and exercise texts are the
author's outline, word for word; everything else (the CLI, the lint, the site)
reads them from here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Lesson:
    """One lesson of the outline: ``module.number`` is its id, e.g. ``4.4``."""

    module: int
    number: int
    title: str
    slug: str
    exercises: tuple[str, ...]
    project: str | None = None

    @property
    def id(self) -> str:
        return f"{self.module}.{self.number}"


@dataclass(frozen=True)
class Module:
    number: int
    title: str
    slug: str
    lessons: tuple[Lesson, ...]

    @property
    def folder(self) -> str:
        return f"{self.number:02d}-{self.slug}"


MODULES: tuple[Module, ...] = (
    Module(
        number=1,
        title="Foundations—Vectors, Matrices, and PyTorch Basics",
        slug="foundations",
        lessons=(
            Lesson(
                module=1,
                number=1,
                title="Introduction: The Course, the Blog, and Why PyTorch",
                slug="introduction",
                exercises=(
                    "Install PyTorch and verify the installation.",
                    "Create your first tensor and print its shape and dtype.",
                    "Move a tensor between CPU and (if available) GPU/MPS, and print device info.",
                    "Run and explain a “Hello World” example—elementwise addition in PyTorch.",
                ),
                project=None,
            ),
            Lesson(
                module=1,
                number=2,
                title="Vectors and Scalars—Hands-On with PyTorch Tensors",
                slug="vectors-and-scalars",
                exercises=(
                    "Create scalar and 1D vector tensors; change their shape.",
                    "Index and slice vectors; reverse a vector.",
                    "Compute mean, sum, and standard deviation of a vector.",
                    "Plot a vector as a line graph using Matplotlib.",
                ),
                project=None,
            ),
            Lesson(
                module=1,
                number=3,
                title="Basic Vector Operations: Addition, Scalar Multiplication, Dot Product",
                slug="vector-operations",
                exercises=(
                    "Implement vector addition using PyTorch.",
                    "Scale a vector by a scalar (both manual and using broadcasting).",
                    "Compute the dot product of two vectors (manual and built-in).",
                    "Visualize vector addition and scalar multiplication in 2D with Matplotlib.",
                ),
                project=None,
            ),
            Lesson(
                module=1,
                number=4,
                title="Matrices: Construction, Shapes, and Basic Matrix Operations",
                slug="matrices",
                exercises=(
                    "Create 2D tensors (matrices) with specific shapes.",
                    "Transpose a matrix and verify with PyTorch.",
                    "Perform elementwise addition and multiplication on two matrices.",
                    "Demonstrate broadcasting with a matrix and a vector.",
                ),
                project=None,
            ),
            Lesson(
                module=1,
                number=5,
                title="Broadcasting and Elementwise Operations in PyTorch",
                slug="broadcasting",
                exercises=(
                    "Add a row vector to each row of a matrix using broadcasting.",
                    "Multiply a matrix by a column vector using broadcasting.",
                    "Identify and fix a broadcasting error in code.",
                    "Compare manual elementwise operations with PyTorch’s built-in operators.",
                ),
                project=None,
            ),
            Lesson(
                module=1,
                number=6,
                title="Matrix Multiplication and Transpose—What, Why, and How",
                slug="matrix-multiplication",
                exercises=(
                    "Multiply two matrices using `@` and `torch.matmul`.",
                    "Implement matrix multiplication “by hand” using loops and compare with PyTorch.",
                    "Visualize the effect of transposing a matrix on its shape and data.",
                    "Explain and fix a common shape-mismatch error in matmul.",
                ),
                project=None,
            ),
            Lesson(
                module=1,
                number=7,
                title="Geometry with Tensors: Norms, Distance, Angles, Projections",
                slug="geometry-with-tensors",
                exercises=(
                    "Compute the Euclidean norm (length) of a vector.",
                    "Find the distance between two vectors.",
                    "Calculate the cosine similarity between two vectors.",
                    "Project one vector onto another and plot both.",
                ),
                project=None,
            ),
            Lesson(
                module=1,
                number=8,
                title="Linear Transformations and Simple Data Transformations",
                slug="linear-transformations",
                exercises=(
                    "Create rotation and scaling matrices.",
                    "Apply a rotation matrix to a set of 2D points.",
                    "Visualize the effect of a transformation on a shape (e.g., a square).",
                    "Chain multiple transformations and describe the result.",
                ),
                project=None,
            ),
            Lesson(
                module=1,
                number=9,
                title="Hands-On Mini-Project: Visualizing and Transforming Data with Tensors",
                slug="mini-project-transforming-data",
                exercises=(
                    "Load a simple 2D dataset (or generate synthetic data).",
                    "Apply various matrix transformations and visualize before/after.",
                    "Compute the mean and covariance matrix of the dataset.",
                    "Center and normalize the data with PyTorch.",
                ),
                project=None,
            ),
        ),
    ),
    Module(
        number=2,
        title="Optimization and Learning—From Gradients to Linear Models",
        slug="optimization",
        lessons=(
            Lesson(
                module=2,
                number=1,
                title="Introduction to Gradient Descent—Math and Code",
                slug="gradient-descent",
                exercises=(
                    "Implement scalar gradient descent for a simple function (e.g., $f(x) = x^2$).",
                    "Visualize the optimization path on a 2D plot.",
                    "Use vector gradient descent on $f(\\mathbf{x}) = ||\\mathbf{x}||^2$.",
                    "Experiment with different learning rates and observe convergence.",
                ),
                project=None,
            ),
            Lesson(
                module=2,
                number=2,
                title="Autograd in PyTorch: Automatic Differentiation Demystified",
                slug="autograd",
                exercises=(
                    "Mark a tensor as `requires_grad=True` and compute gradients.",
                    "Calculate gradients for a multi-variable function (e.g., $f(x, y) = x^2 + y^3$).",
                    "Zero gradients and explain why this is necessary in training loops.",
                    "Manually verify PyTorch’s computed gradients for a small example.",
                ),
                project=None,
            ),
            Lesson(
                module=2,
                number=3,
                title="Loss Functions and Cost Surfaces—Visual and Practical Intuition",
                slug="loss-functions",
                exercises=(
                    "Implement Mean Squared Error (MSE) loss manually and with PyTorch.",
                    "Plot the loss surface for a simple linear model.",
                    "Visualize binary cross-entropy loss as a function of its input.",
                    "Compare how different loss functions penalize outliers.",
                ),
                project=None,
            ),
            Lesson(
                module=2,
                number=4,
                title="Fitting a Line: Linear Regression from Scratch with PyTorch",
                slug="linear-regression",
                exercises=(
                    "Generate synthetic linear data with noise.",
                    "Implement linear regression training loop from scratch (using only tensors).",
                    "Use PyTorch’s autograd and optimizer to fit a line.",
                    "Plot predictions vs. ground truth and compute R² score.",
                ),
                project=None,
            ),
            Lesson(
                module=2,
                number=5,
                title="Fitting Nonlinear Curves: Polynomial Regression",
                slug="polynomial-regression",
                exercises=(
                    "Generate polynomial data with noise.",
                    "Fit a polynomial using explicit feature construction in PyTorch.",
                    "Compare performance of linear vs. polynomial regression.",
                    "Visualize overfitting by increasing the polynomial degree.",
                ),
                project=None,
            ),
            Lesson(
                module=2,
                number=6,
                title="Classification Basics: Logistic Regression",
                slug="logistic-regression",
                exercises=(
                    "Generate binary classification data.",
                    "Implement logistic regression “from scratch” (sigmoid and BCE loss).",
                    "Train with PyTorch’s optimizer and compare results.",
                    "Plot decision boundary and accuracy.",
                ),
                project=None,
            ),
            Lesson(
                module=2,
                number=7,
                title="Softmax and Multiclass Classification",
                slug="softmax-multiclass",
                exercises=(
                    "Generate synthetic data for three classes.",
                    "Implement softmax and cross-entropy loss manually.",
                    "Train a multiclass classifier with PyTorch’s `nn.CrossEntropyLoss`.",
                    "Plot the class boundaries in 2D.",
                ),
                project=None,
            ),
            Lesson(
                module=2,
                number=8,
                title="Mini-Project: Build, Train, and Visualize a Simple Classifier",
                slug="mini-project-classifier",
                exercises=(
                    "Choose or generate a 2D dataset for classification.",
                    "Train a classifier (logistic or neural network) on the data.",
                    "Visualize the learned decision boundary.",
                    "Evaluate model accuracy and plot misclassified points.",
                ),
                project=None,
            ),
        ),
    ),
    Module(
        number=3,
        title="Neural Networks—Building Blocks and Training",
        slug="neural-networks",
        lessons=(
            Lesson(
                module=3,
                number=1,
                title="The Perceptron: Oldest Neural Network",
                slug="perceptron",
                exercises=(
                    "Implement the perceptron update rule for a binary task.",
                    "Train the perceptron on linearly separable data.",
                    "Visualize decision boundary after each epoch.",
                    "Test on non-separable data and analyze behavior.",
                ),
                project=None,
            ),
            Lesson(
                module=3,
                number=2,
                title="Feedforward Neural Networks from Scratch (No nn.Module)",
                slug="feedforward-from-scratch",
                exercises=(
                    "Implement a two-layer neural network using tensors and matrix ops.",
                    "Forward propagate and compute loss for a batch of inputs.",
                    "Backpropagate gradients manually (by hand or using PyTorch’s autograd).",
                    "Train the model and plot loss over epochs.",
                ),
                project=None,
            ),
            Lesson(
                module=3,
                number=3,
                title="Building with `torch.nn`: The Convenient Way",
                slug="torch-nn",
                exercises=(
                    "Rewrite previous NN using `nn.Module`.",
                    "Compare number of lines and readability.",
                    "Add a hidden layer and train on data.",
                    "Save and load model weights.",
                ),
                project=None,
            ),
            Lesson(
                module=3,
                number=4,
                title="Activation Functions: Sigmoid, Tanh, ReLU, LeakyReLU, etc.",
                slug="activation-functions",
                exercises=(
                    "Plot different activation functions.",
                    "Train small NNs with each activation on the same task; compare convergence.",
                    "Observe vanishing/exploding gradients by visualizing gradients.",
                    "Swap activation mid-training and observe changes.",
                ),
                project=None,
            ),
            Lesson(
                module=3,
                number=5,
                title="Backpropagation: Intuition and Hands-On Example",
                slug="backpropagation",
                exercises=(
                    "Compute gradients for a two-layer network by hand for a single example.",
                    "Use `.backward()` to compare with manual gradients.",
                    "Visualize gradient flow in the network.",
                    "Debug and fix a model with vanishing gradients.",
                ),
                project=None,
            ),
            Lesson(
                module=3,
                number=6,
                title="Overfitting, Underfitting, and Regularization",
                slug="overfitting-and-regularization",
                exercises=(
                    "Fit a model to small and large datasets and plot train/test loss.",
                    "Add noise to data and visualize overfitting.",
                    "Apply L2 regularization and observe effect.",
                    "Vary model complexity and record accuracy.",
                ),
                project=None,
            ),
            Lesson(
                module=3,
                number=7,
                title="Dropout, L2, and Other Regularization in PyTorch",
                slug="dropout-and-weight-decay",
                exercises=(
                    "Add dropout layers to a network and plot training/validation accuracy.",
                    "Use weight decay with an optimizer.",
                    "Compare models with and without regularization.",
                    "Experiment with different dropout rates and interpret results.",
                ),
                project=None,
            ),
            Lesson(
                module=3,
                number=8,
                title="Mini-Project: MNIST Digit Classifier (Shallow NN)",
                slug="mini-project-mnist",
                exercises=(
                    "Download and load the MNIST dataset using PyTorch.",
                    "Build and train a shallow NN on MNIST.",
                    "Plot confusion matrix of predictions.",
                    "Visualize a few correctly and incorrectly classified digits.",
                ),
                project=None,
            ),
        ),
    ),
    Module(
        number=4,
        title="Introduction to Reinforcement Learning—Concepts & Classic Problems",
        slug="intro-rl",
        lessons=(
            Lesson(
                module=4,
                number=1,
                title="What is Reinforcement Learning? RL vs. Supervised/Unsupervised",
                slug="what-is-rl",
                exercises=(
                    "Simulate an agent-environment loop and print state transitions.",
                    "Assign rewards to agent actions in a toy environment.",
                    "Compare supervised, unsupervised, and RL code snippets.",
                    "Plot agent total reward over time for a simple policy.",
                ),
                project=None,
            ),
            Lesson(
                module=4,
                number=2,
                title="Markov Decision Processes: States, Actions, Rewards, Policies",
                slug="markov-decision-processes",
                exercises=(
                    "Define a small MDP as Python data structures.",
                    "Simulate a random policy in the MDP and track rewards.",
                    "Visualize state transitions as a graph.",
                    "Implement a simple policy and compute expected reward.",
                ),
                project=None,
            ),
            Lesson(
                module=4,
                number=3,
                title="Bandit Problems: Exploration vs. Exploitation",
                slug="bandits",
                exercises=(
                    "Simulate a multi-armed bandit and plot arm payout distributions.",
                    "Implement epsilon-greedy policy and track arm selections.",
                    "Compare UCB and Thompson Sampling on the same problem.",
                    "Plot cumulative reward for different strategies.",
                ),
                project="Visualize learning curve of a bandit agent over time.",
            ),
            Lesson(
                module=4,
                number=4,
                title="Tabular Value-Based Methods: Q-Learning and SARSA",
                slug="q-learning-and-sarsa",
                exercises=(
                    "Implement a Q-table for a small discrete environment.",
                    "Run Q-learning and SARSA on Gridworld, compare convergence.",
                    "Visualize the learned Q-table as a heatmap.",
                    "Animate agent’s trajectory using the learned policy.",
                ),
                project="Train a Q-learning agent on Taxi-v3 and report average episode length.",
            ),
            Lesson(
                module=4,
                number=5,
                title="Monte Carlo and Temporal Difference (TD) Learning",
                slug="monte-carlo-and-td",
                exercises=(
                    "Implement MC and TD(0) value updates for a toy MDP.",
                    "Track value estimates over episodes and plot.",
                    "Compare convergence of MC and TD(0).",
                    "Use value estimates to improve policy and evaluate performance.",
                ),
                project="Visualize value function estimates on FrozenLake-v1.",
            ),
            Lesson(
                module=4,
                number=6,
                title="Policies, Value Functions, and Bellman Equations",
                slug="bellman-equations",
                exercises=(
                    "Solve a small Bellman equation system by hand and with PyTorch.",
                    "Compute state-value and action-value functions for a policy.",
                    "Evaluate a random and a greedy policy in an MDP.",
                    "Visualize policy and value function in a gridworld.",
                ),
                project=None,
            ),
            Lesson(
                module=4,
                number=7,
                title="Mini-Project: RL Agent on Custom Gridworld",
                slug="mini-project-custom-gridworld",
                exercises=(
                    "Design a custom Gridworld environment in Python.",
                    "Implement tabular Q-learning for your environment.",
                    "Train agent and visualize policy after each episode.",
                    "Modify reward structure and observe changes in learned policy.",
                ),
                project=None,
            ),
        ),
    ),
    Module(
        number=5,
        title="Deep Reinforcement Learning—From Q-Tables to Deep Networks",
        slug="deep-rl",
        lessons=(
            Lesson(
                module=5,
                number=1,
                title="Limitations of Tabular RL and the Need for Function Approximation",
                slug="function-approximation",
                exercises=(
                    "Create a large state space where Q-tables are impractical.",
                    "Visualize exponential state growth in a simple environment.",
                    "Attempt tabular learning and analyze why it fails.",
                    "Propose a neural network architecture to replace Q-table.",
                ),
                project=None,
            ),
            Lesson(
                module=5,
                number=2,
                title="Deep Q-Networks (DQN): Concepts and PyTorch Implementation",
                slug="dqn",
                exercises=(
                    "Build a Q-network using `nn.Module` for CartPole-v1.",
                    "Implement an experience replay buffer from scratch.",
                    "Train DQN agent and plot episode rewards.",
                    "Save and load trained DQN models.",
                ),
                project="Experiment with different network sizes and plot learning curves.",
            ),
            Lesson(
                module=5,
                number=3,
                title="Experience Replay and Target Networks",
                slug="replay-and-target-networks",
                exercises=(
                    "Implement a target network for stable Q-value updates.",
                    "Compare learning with and without experience replay.",
                    "Tune replay buffer size and target update frequency.",
                    "Analyze training stability through reward variance plots.",
                ),
                project=None,
            ),
            Lesson(
                module=5,
                number=4,
                title="Extensions: Double DQN, Dueling DQN",
                slug="double-and-dueling-dqn",
                exercises=(
                    "Extend your DQN to Double DQN and compare performance.",
                    "Implement dueling network architecture in PyTorch.",
                    "Train both models on LunarLander-v2 and compare results.",
                    "Visualize Q-value distributions during training.",
                ),
                project="Plot side-by-side learning curves for DQN, Double DQN, and Dueling DQN.",
            ),
            Lesson(
                module=5,
                number=5,
                title="Policy Gradient Methods: REINFORCE Algorithm",
                slug="reinforce",
                exercises=(
                    "Implement a policy network for CartPole-v1.",
                    "Code the REINFORCE algorithm and train agent.",
                    "Visualize total reward per episode and smoothed average.",
                    "Experiment with reward discounting and report effects.",
                ),
                project="Show learned policy in action using environment render.",
            ),
            Lesson(
                module=5,
                number=6,
                title="Advantage Actor-Critic (A2C/A3C) - Concepts & Simple Implementation",
                slug="actor-critic",
                exercises=(
                    "Implement separate actor and critic networks in PyTorch.",
                    "Train A2C agent on CartPole-v1.",
                    "Plot both value loss and policy loss over training.",
                    "Visualize the advantage estimates during episodes.",
                ),
                project=None,
            ),
        ),
    ),
    Module(
        number=6,
        title="Creative Applications and Capstone Projects",
        slug="applications",
        lessons=(
            Lesson(
                module=6,
                number=1,
                title="Building RL Agents for Classic Games",
                slug="classic-games",
                exercises=(
                    "Build or find a 2048 environment, implement a DQN agent.",
                    "Implement and train an RL agent for Snake; visualize gameplay.",
                    "Train two Tic-Tac-Toe agents with self-play.",
                    "Analyze and plot strategies learned by the agents.",
                ),
                project=None,
            ),
            Lesson(
                module=6,
                number=2,
                title="Custom Environments in Gymnasium",
                slug="custom-environments",
                exercises=(
                    "Define a custom Gymnasium environment in Python.",
                    "Register the environment and test with random actions.",
                    "Train a DQN or policy gradient agent on your environment.",
                    "Plot learning progress and analyze agent behavior.",
                ),
                project=None,
            ),
            Lesson(
                module=6,
                number=3,
                title="Simple Trading Simulator—RL for Finance",
                slug="trading-simulator",
                exercises=(
                    "Create a random walk stock price generator.",
                    "Build a simple buy/sell environment for RL.",
                    "Train an agent to maximize profit.",
                    "Plot portfolio value over time and compare to random policy.",
                ),
                project=None,
            ),
            Lesson(
                module=6,
                number=4,
                title="Imitation Learning and Behavioral Cloning",
                slug="imitation-learning",
                exercises=(
                    "Collect demonstration data from a scripted agent.",
                    "Train a model to imitate the demonstrator using supervised learning.",
                    "Compare imitation learning with RL on the same environment.",
                    "Evaluate and plot both agent types’ performance.",
                ),
                project=None,
            ),
            Lesson(
                module=6,
                number=5,
                title="Capstone: Design Your Own RL Project",
                slug="capstone",
                exercises=(
                    "Choose a problem domain and design the environment.",
                    "Build an RL agent to solve your custom problem.",
                    "Document your learning process with code and plots.",
                    "Share your project and invite feedback from others.",
                ),
                project=None,
            ),
            Lesson(
                module=6,
                number=6,
                title="Tips for Training on MacBook Pro: Performance, Profiling, MPS Backend",
                slug="training-on-macbook",
                exercises=(
                    "Profile training time for a model on CPU vs. MPS (Apple GPU).",
                    "Optimize batch size and learning rate for speed.",
                    "Save and restore models efficiently.",
                    "Experiment with mixed precision training (if supported).",
                ),
                project=None,
            ),
        ),
    ),
    Module(
        number=7,
        title="Advanced Topics & Next Steps (Optional/Future)",
        slug="advanced",
        lessons=(
            Lesson(
                module=7,
                number=1,
                title="Model-Based RL: Planning with Learned Models",
                slug="model-based-rl",
                exercises=(
                    "Build a world model to predict next state and reward.",
                    "Use the model for simulated rollouts (planning).",
                    "Compare model-free vs. model-based agent performance.",
                    "Visualize planning errors and their effects.",
                ),
                project=None,
            ),
            Lesson(
                module=7,
                number=2,
                title="Multi-Agent RL and Self-Play",
                slug="multi-agent-self-play",
                exercises=(
                    "Create a two-agent environment (e.g., competitive or cooperative task).",
                    "Train both agents using self-play.",
                    "Analyze emergent strategies.",
                    "Plot win/loss curves over time.",
                ),
                project=None,
            ),
            Lesson(
                module=7,
                number=3,
                title="Curriculum Learning and Task Transfer",
                slug="curriculum-learning",
                exercises=(
                    "Define tasks of increasing difficulty.",
                    "Train an agent on easier tasks before harder ones.",
                    "Plot learning curves for curriculum vs. no curriculum.",
                    "Analyze agent generalization and transfer performance.",
                ),
                project=None,
            ),
            Lesson(
                module=7,
                number=4,
                title="Ethics and Safety in RL",
                slug="ethics-and-safety",
                exercises=(
                    "Construct an environment where “reward hacking” is possible.",
                    "Analyze agent behavior under reward misspecification.",
                    "Propose and test fixes for safer RL.",
                    "Discuss ethical implications in a blog post with example code.",
                ),
                project=None,
            ),
            Lesson(
                module=7,
                number=5,
                title="Scaling Up: From MacBook to Cloud or GPU Clusters",
                slug="scaling-up",
                exercises=(
                    "Save checkpoints and transfer models between machines.",
                    "Rewrite data loader for large-scale training.",
                    "Test model parallelism with PyTorch’s DataParallel (if available).",
                    "Benchmark training time as you scale up hardware.",
                ),
                project=None,
            ),
        ),
    ),
)


def all_lessons() -> list[Lesson]:
    return [lesson for module in MODULES for lesson in module.lessons]


def module_of(lesson: Lesson) -> Module:
    return MODULES[lesson.module - 1]


def lesson_folder(lesson: Lesson) -> str:
    """The lesson's folder under ``course/``, e.g. ``04-intro-rl/04-q-learning-and-sarsa``."""
    return f"{module_of(lesson).folder}/{lesson.number:02d}-{lesson.slug}"


def find_lesson(lesson_id: str) -> Lesson | None:
    for lesson in all_lessons():
        if lesson.id == lesson_id.strip():
            return lesson
    return None
